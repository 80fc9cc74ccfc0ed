import { describe, expect, it } from 'vitest';
import { foldPlural, foldText } from './fold-text';

describe('foldPlural', () => {
  it('folds French and English plurals onto the singular', () => {
    const pairs = [
      ['vins', 'vin'],
      ['chaussures', 'chaussure'],
      ['robes', 'robe'],
      ['shoes', 'shoe'],
      ['wines', 'wine'],
      ['dresses', 'dress'],
      ['manteaux', 'manteau'],
      ['jeux', 'jeu'],
      ['bijoux', 'bijou'],
    ];
    for (const [plural, singular] of pairs) expect(foldPlural(plural!)).toBe(foldPlural(singular!));
  });

  it('leaves short words and words that only look plural as they are', () => {
    for (const word of ['vin', 'jus', 'dress', 'glass', 'tissus', 'cassis', 'prix'])
      expect(foldPlural(word)).toBe(word);
  });

  it('works on folded text: no case, no accents', () => {
    expect(foldPlural(foldText('ÉCHARPES'))).toBe('echarpe');
  });
});
