// Loyalty card codes: "VTR" + 10 digits + 1 GS1 mod-10 check digit, printed
// as Code 128 (e.g. VTR04817395526). The letters make it impossible for a
// scan to be taken for a retail GTIN, including the 2x restricted-circulation
// EAN-13 codes French food departments print on weighed items, which a
// numeric card code would collide with; the check digit catches typos when
// staff key a card number in by hand. Card numbers are random, not
// sequential, so one card does not reveal its neighbours.
import { gtinCheckDigit } from '@vitrine/shared/core';

const PATTERN = /^VTR(\d{10})(\d)$/;

export function makeLoyaltyCardCode(number10: string): string {
  if (!/^\d{10}$/.test(number10))
    throw new Error(`card number must be 10 digits, got "${number10}"`);
  return `VTR${number10}${gtinCheckDigit(number10)}`;
}

export function isLoyaltyCardCode(code: string): boolean {
  const match = PATTERN.exec(code);
  return match?.[1] !== undefined && gtinCheckDigit(match[1]) === Number(match[2]);
}
