import { describe, expect, it } from 'vitest';
import {
  displayGtin,
  expandUpcE,
  gtinCheckDigit,
  isValidGtin,
  makeGtin13,
  normalizeGtin,
} from './gtin';

describe('GTIN', () => {
  it('computes check digits of known codes', () => {
    expect(gtinCheckDigit('301762042200')).toBe(3); // Nutella 3017620422003
    expect(gtinCheckDigit('9638507')).toBe(4); // EAN-8 96385074
    expect(gtinCheckDigit('03600029145')).toBe(2); // UPC-A 036000291452
  });

  it('accepts valid codes of every length and refuses the rest', () => {
    expect(isValidGtin('3017620422003')).toBe(true);
    expect(isValidGtin('96385074')).toBe(true);
    expect(isValidGtin('036000291452')).toBe(true);
    expect(isValidGtin('03017620422003')).toBe(true);
    expect(isValidGtin('3017620422004')).toBe(false);
    expect(isValidGtin('30176204220')).toBe(false);
    expect(isValidGtin('30176204220a3')).toBe(false);
    expect(isValidGtin('')).toBe(false);
  });

  it('normalises to GTIN-14 and back', () => {
    expect(normalizeGtin(' 3017620422003 ')).toBe('03017620422003');
    expect(normalizeGtin('96385074')).toBe('00000096385074');
    expect(normalizeGtin('3017620422004')).toBeUndefined();
    expect(displayGtin('03017620422003')).toBe('3017620422003');
    expect(displayGtin('00000096385074')).toBe('96385074');
  });

  it('expands UPC-E to UPC-A', () => {
    expect(expandUpcE('04252614')).toBe('042100005264');
    expect(expandUpcE('12345678')).toBeUndefined();
  });

  it('builds GTIN-13 codes that validate', () => {
    expect(isValidGtin(makeGtin13('376000000001'))).toBe(true);
    expect(() => makeGtin13('12')).toThrow(/12 digits/);
  });
});
