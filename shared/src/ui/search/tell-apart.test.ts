import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../client/search';
import { tellApart } from './tell-apart';

const hit = (id: string, nameFr: string, extra: Partial<SearchHit> = {}): SearchHit => ({
  id,
  nameFr,
  nameEn: `${nameFr} (en)`,
  priceCents: 1_000,
  brand: 'Le Fil Rouge',
  inStockHere: true,
  ...extra,
});

describe('tellApart', () => {
  it('leaves products with a name of their own alone', () => {
    expect(tellApart([hit('a', 'Marinière'), hit('b', 'Robe')], 'fr').size).toBe(0);
  });

  it('shows, for same-named products, the sizes that differ, and the colours where sizes leave two alike', () => {
    const hits = [
      hit('a', 'Marinière', { sizeRange: 'XS–XL', colours: ['Bleu ciel', 'Écru'] }),
      hit('b', 'marinière ', { sizeRange: 'XS–XXL', colours: ['Bleu ciel', 'Écru'] }),
      hit('c', 'Marinière', { sizeRange: 'XS–XL', colours: ['Camel'] }),
      hit('d', 'Robe', { sizeRange: '34–46' }),
    ];
    const details = tellApart(hits, 'fr');
    expect(details.get('a')).toEqual({ sizeRange: 'XS–XL', colours: ['Bleu ciel', 'Écru'] });
    // b's sizes are its own: its colours need not be said.
    expect(details.get('b')).toEqual({ sizeRange: 'XS–XXL' });
    expect(details.get('c')).toEqual({ sizeRange: 'XS–XL', colours: ['Camel'] });
    expect(details.has('d')).toBe(false);
  });

  it('compares the names in the language on screen', () => {
    const hits = [
      hit('a', 'Palets', { nameEn: 'Butter biscuits', sizeRange: 'S' }),
      hit('b', 'Galettes', { nameEn: 'Butter biscuits', sizeRange: 'M' }),
    ];
    expect(tellApart(hits, 'fr').size).toBe(0);
    expect(tellApart(hits, 'en').get('b')).toEqual({ sizeRange: 'M' });
  });
});
