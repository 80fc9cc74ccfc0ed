import { describe, expect, it } from 'vitest';
import { formatsFor, missingKeys, plural } from './locale';

describe('plural', () => {
  it('follows French rules, where 0 and 1 are singular', () => {
    const forms = { one: '# étoile', other: '# étoiles' };
    expect([0, 1, 2].map((n) => plural('fr', n, forms))).toEqual([
      '0 étoile',
      '1 étoile',
      '2 étoiles',
    ]);
  });

  it('follows English rules, where 0 is plural', () => {
    const forms = { one: '# star', other: '# stars' };
    expect([0, 1, 2].map((n) => plural('en', n, forms))).toEqual(['0 stars', '1 star', '2 stars']);
  });

  it('says nothing-at-all its own way when given a zero form', () => {
    const forms = { zero: 'No results', one: '# result', other: '# results' };
    expect(plural('en', 0, forms)).toBe('No results');
    expect(plural('en', 1, forms)).toBe('1 result');
  });
});

describe('formatsFor', () => {
  it('writes prices in the store currency, euros when it names none', () => {
    expect(formatsFor('fr').price(1250)).toBe('12,50\u00a0€');
    expect(formatsFor('en', 'GBP').price(1250)).toBe('£12.50');
  });
});

describe('missingKeys', () => {
  it('names a key one language has and the other lacks, however deep', () => {
    expect(missingKeys({ fr: { a: 'x', b: { c: 'y' } }, en: { a: 'x', b: {} } })).toEqual([
      'en lacks b.c',
    ]);
    expect(missingKeys({ fr: { a: 'x' }, en: { a: 'x' } })).toEqual([]);
  });
});
