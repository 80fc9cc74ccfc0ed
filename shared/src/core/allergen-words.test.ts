import { describe, expect, it } from 'vitest';
import { markAllergenWords } from './allergen-words';
import type { AllergenCode } from './allergens';

const marked = (text: string, codes: AllergenCode[], lang: 'fr' | 'en') =>
  markAllergenWords(text, codes, lang)
    .filter((part) => part.allergen)
    .map((part) => `${part.text}=${part.allergen}`);

describe('allergen words in the ingredients', () => {
  it('picks out the words of the declared allergens, in each language', () => {
    expect(
      marked('Farine de blé, beurre (24 %), sucre, œufs, sel', ['gluten', 'milk', 'eggs'], 'fr'),
    ).toEqual(['Farine=gluten', 'blé=gluten', 'beurre=milk', 'œufs=eggs']);
    expect(
      marked('Wheat flour, butter (24%), sugar, eggs, salt', ['gluten', 'milk', 'eggs'], 'en'),
    ).toEqual(['Wheat=gluten', 'flour=gluten', 'butter=milk', 'eggs=eggs']);
  });

  it('leaves out false friends and undeclared allergens', () => {
    expect(marked('Sucre, beurre de cacao, lait entier en poudre', ['milk'], 'fr')).toEqual([
      'lait=milk',
    ]);
    expect(marked('Sugar, cocoa butter, whole milk powder', ['milk'], 'en')).toEqual(['milk=milk']);
    expect(marked('Poudre d’amandes, beurre noisette', ['nuts'], 'fr')).toEqual(['amandes=nuts']);
    expect(marked('Chestnuts, sugar, vanilla', ['nuts'], 'en')).toEqual([]);
    expect(marked('Lait cru de vache, sel', [], 'fr')).toEqual([]);
  });

  it('keeps every character of the text, in order', () => {
    const text = 'Jaunes d’Œufs, LAIT, moutarde.';
    const parts = markAllergenWords(text, ['eggs', 'milk', 'mustard'], 'fr');
    expect(parts.map((p) => p.text).join('')).toBe(text);
    expect(parts.filter((p) => p.allergen).map((p) => p.text)).toEqual([
      'Œufs',
      'LAIT',
      'moutarde',
    ]);
  });
});
