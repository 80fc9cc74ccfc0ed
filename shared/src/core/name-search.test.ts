import { describe, expect, it } from 'vitest';
import { foldText, matchesName, searchWords } from './name-search';

describe('name search', () => {
  it('matches any word order, case and accents', () => {
    expect(matchesName('Mercier Julie', 'Julie Mercier')).toBe(true);
    expect(matchesName('julie', 'Julie Mercier')).toBe(true);
    expect(matchesName('GARCIA sofia', 'Sofía García')).toBe(true);
    expect(matchesName('lin chemise', 'Chemise en lin')).toBe(true);
    expect(matchesName('robe ete', 'Robe d’été', 'Summer dress')).toBe(true);
  });

  it('needs every word, and a word at least', () => {
    expect(matchesName('Mercier Paul', 'Julie Mercier')).toBe(false);
    expect(matchesName('  ', 'Julie Mercier')).toBe(false);
  });

  it('folds and splits a query once', () => {
    expect(foldText('Léa N’Guyen')).toBe("lea n'guyen");
    expect(searchWords('  Julie   MERCIER julie ')).toEqual(['mercier', 'julie']);
  });
});
