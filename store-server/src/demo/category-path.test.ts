import { describe, expect, it } from 'vitest';
import { categoryPathOf } from './category-path';
import { ALL_SUBCATEGORIES } from './subcategories';

describe('categoryPathOf', () => {
  it('puts every subcategory under its category, in French and English, its own label last', () => {
    for (const sub of ALL_SUBCATEGORIES) {
      const path = categoryPathOf(sub);
      expect(path.length, sub.slug).toBeGreaterThanOrEqual(2);
      expect(path.at(-1)).toEqual(sub.label);
      for (const shelf of path) expect(shelf.fr && shelf.en, sub.slug).toBeTruthy();
    }
  });

  it('gathers kinds of product under the word shoppers use for them', () => {
    const under = (word: string) =>
      ALL_SUBCATEGORIES.filter((sub) => categoryPathOf(sub).some((shelf) => shelf.en === word))
        .map((sub) => sub.slug)
        .sort();
    expect(under('Shoes')).toEqual(['boots', 'sneakers']);
    expect(under('Wines')).toEqual(['champagne', 'wine-red', 'wine-rose', 'wine-white']);
  });
});
