import { describe, expect, it } from 'vitest';
import { messages } from '../i18n/messages';
import { allergenNames } from './allergen-text';

describe('allergen names', () => {
  it('translates Open Food Facts tags and bare keys, once each', () => {
    const tags = ['en:gluten', 'en:sulphur-dioxide-and-sulphites', 'sulphites', 'en:milk'];
    expect(allergenNames(tags, messages.fr).map((a) => a.name)).toEqual([
      'gluten',
      'sulfites',
      'lait',
    ]);
    expect(allergenNames(tags, messages.en).map((a) => a.name)).toEqual([
      'gluten',
      'sulphites',
      'milk',
    ]);
  });

  it('shows an unknown tag as words, not as a tag', () => {
    expect(allergenNames(['en:pine-nuts'], messages.fr)).toEqual([
      { code: undefined, name: 'pine nuts' },
    ]);
  });
});
