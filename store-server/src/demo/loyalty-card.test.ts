import { isValidGtin, normalizeGtin } from '@vitrine/shared/core';
import { describe, expect, it } from 'vitest';
import { GtinAllocator } from './gtin-allocator';
import { isLoyaltyCardCode, makeLoyaltyCardCode } from './loyalty-card';

describe('loyalty card codes', () => {
  it('are VTR + 10 digits + a check digit', () => {
    const code = makeLoyaltyCardCode('0481739552');
    expect(code).toMatch(/^VTR\d{11}$/);
    expect(isLoyaltyCardCode(code)).toBe(true);
  });

  it('catch a mistyped digit', () => {
    const code = makeLoyaltyCardCode('0481739552');
    const typo = `${code.slice(0, 5)}${(Number(code[5]) + 1) % 10}${code.slice(6)}`;
    expect(isLoyaltyCardCode(typo)).toBe(false);
  });

  it('can never be taken for a retail GTIN, nor a GTIN for a card', () => {
    const code = makeLoyaltyCardCode('2000000001');
    expect(isValidGtin(code)).toBe(false);
    expect(normalizeGtin(code)).toBeUndefined();
    expect(isLoyaltyCardCode('3017620422003')).toBe(false);
    expect(() => makeLoyaltyCardCode('123')).toThrow();
  });
});

describe('GtinAllocator', () => {
  it('hands out valid, unique GS1 France codes, one company prefix per brand', () => {
    const gtins = new GtinAllocator();
    const a = [gtins.next('A'), gtins.next('A')];
    const b = gtins.next('B');
    for (const gtin of [...a, b]) expect(isValidGtin(gtin)).toBe(true);
    expect(new Set([...a, b]).size).toBe(3);
    expect(a[0]?.slice(1, 8)).toBe(gtins.companyPrefixOf('A'));
    expect(b.slice(1, 8)).toBe(gtins.companyPrefixOf('B'));
    expect(gtins.companyPrefixOf('A')).not.toBe(gtins.companyPrefixOf('B'));
  });
});
