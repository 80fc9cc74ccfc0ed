import { describe, expect, it } from 'vitest';
import { Slug } from '@vitrine/shared/core';
import { DEMO_SKILLS, shelvesOf } from './category-path';
import { ALL_SUBCATEGORIES } from './subcategories';

const pathOf = (sub: (typeof ALL_SUBCATEGORIES)[number]) => shelvesOf(sub).categoryPath;

describe('shelvesOf', () => {
  it('puts every subcategory under its department, in French and English, its own label last', () => {
    for (const sub of ALL_SUBCATEGORIES) {
      const { department, categoryPath: path } = shelvesOf(sub);
      expect(Slug.safeParse(department).success, sub.slug).toBe(true);
      expect(path.length, sub.slug).toBeGreaterThanOrEqual(2);
      expect(path.at(-1)).toEqual(sub.label);
      for (const shelf of path) expect(shelf.fr && shelf.en, sub.slug).toBeTruthy();
    }
  });

  it('gives every department one root shelf and an expert skill', () => {
    const roots = new Map<string, string>();
    for (const sub of ALL_SUBCATEGORIES) {
      const { department, categoryPath } = shelvesOf(sub);
      const root = categoryPath[0]!.en;
      expect(roots.get(department) ?? root, sub.slug).toBe(root);
      roots.set(department, root);
    }
    expect([...roots.keys()].sort()).toEqual(Object.keys(DEMO_SKILLS).sort());
    expect(roots.get('wine')).toBe('Wines');
  });

  it('gathers kinds of product under the word shoppers use for them', () => {
    const under = (word: string) =>
      ALL_SUBCATEGORIES.filter((sub) => pathOf(sub).some((shelf) => shelf.en === word))
        .map((sub) => sub.slug)
        .sort();
    expect(under('Shoes')).toEqual(['boots', 'sneakers']);
    expect(under('Wines')).toEqual(['champagne', 'wine-red', 'wine-rose', 'wine-white']);
  });
});
