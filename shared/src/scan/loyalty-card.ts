// Loyalty card codes as printed by the store (store-server/src/demo/loyalty-card.ts):
// "VTR" + 10 digits + a GS1 mod-10 check digit. Recognised so a card held up
// to a kiosk goes to the staff flow, never to a product lookup.
import { gtinCheckDigit } from '../core';

const PATTERN = /^VTR(\d{10})(\d)$/;

export function isLoyaltyCardCode(code: string): boolean {
  const match = PATTERN.exec(code);
  return match?.[1] !== undefined && gtinCheckDigit(match[1]) === Number(match[2]);
}
