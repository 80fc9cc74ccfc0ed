import { describe, expect, it } from 'vitest';
import { mergeSimilar, type ExactGroup } from './similar-questions';

const group = (key: string, count: number, stores: [string, number][], lang: 'fr' | 'en' = 'fr') =>
  ({
    lang,
    key,
    sample: `« ${key} »`,
    count,
    stores: stores.map(([storeId, n]) => ({ storeId, count: n })),
    lastDay: '2026-12-0' + String(count % 9 || 1),
  }) satisfies ExactGroup;

describe('merging unanswered questions asked in other words', () => {
  it('joins keys sharing most of their stems to the most asked, adding counts per store', () => {
    const merged = mergeSimilar(
      [
        group('dimanch ouvert', 5, [['lyon', 5]]),
        group('carte cadeau', 4, [['paris', 4]]),
        group('dimanch horair ouvert', 3, [
          ['lyon', 1],
          ['paris', 2],
        ]),
        group('carte perdu', 2, [['lyon', 2]]),
        group('dimanch ouvert', 2, [['nice', 2]], 'en'),
      ],
      10,
    );
    expect(merged.map((g) => [g.lang, g.key, g.count, g.keys])).toEqual([
      ['fr', 'dimanch ouvert', 8, ['dimanch ouvert', 'dimanch horair ouvert']],
      ['fr', 'carte cadeau', 4, ['carte cadeau']],
      ['fr', 'carte perdu', 2, ['carte perdu']],
      ['en', 'dimanch ouvert', 2, ['dimanch ouvert']],
    ]);
    expect(merged[0]!.stores).toEqual([
      { storeId: 'lyon', count: 6 },
      { storeId: 'paris', count: 2 },
    ]);
    expect(merged[0]!.samples).toEqual(['« dimanch ouvert »', '« dimanch horair ouvert »']);
    expect(merged[0]!.lastDay).toBe('2026-12-05');
  });

  it('lists at most the limit, most asked first, after merging', () => {
    const merged = mergeSimilar(
      [group('a b', 3, [['x', 3]]), group('c d', 2, [['x', 2]]), group('a b e', 2, [['y', 2]])],
      1,
    );
    expect(merged.map((g) => [g.key, g.count])).toEqual([['a b', 5]]);
  });
});
