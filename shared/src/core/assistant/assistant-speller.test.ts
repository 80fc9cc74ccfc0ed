import { describe, expect, it } from 'vitest';
import { termOf } from './assistant-text';
import { editDistance, Speller } from './assistant-speller';

describe('the speller', () => {
  const speller = new Speller(
    ['Où sont les toilettes ?', 'Garantie et réparations', 'Carte cadeau', 'Retouches'],
    (word) => termOf(word, 'fr'),
  );

  it('counts a swap of two letters as one edit', () => {
    expect(editDistance('toliets', 'toilets')).toBe(1);
    expect(editDistance('garentie', 'garantie')).toBe(1);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('puts an unknown word right toward the knowledge base’s words', () => {
    const spelled = speller.correct('service de retouhce et garentie ?');
    expect(spelled.text).toBe('service de retouches et garantie');
    expect([...spelled.corrected].sort()).toEqual(
      [termOf('retouches', 'fr'), termOf('garantie', 'fr')].sort(),
    );
  });

  it('leaves known words, short words, numbers and words too far from any alone', () => {
    const spelled = speller.correct('la gare, taille 42, bitcoin, toilettes');
    expect(spelled.text).toBe('la gare taille 42 bitcoin toilettes');
    expect(spelled.corrected.size).toBe(0);
  });
});
