// What a scanned string means: a product (as a 14-digit GTIN), a loyalty card
// (routed to staff, never looked up as a product), or something we cannot use
// — with a reason the screen can explain. Every input path (camera, wedge
// scanner, typed code) goes through here.
import { expandUpcE, normalizeGtin } from '../core';
import { gtinFromDigitalLink, gtinFromElementString } from './gs1';
import { isLoyaltyCardCode } from './loyalty-card';

export type BarcodeFormat =
  'ean-13' | 'ean-8' | 'upc-a' | 'upc-e' | 'code-128' | 'qr' | 'data-matrix' | 'keyboard';

export type ScanReading =
  | { kind: 'product'; gtin: string; raw: string }
  | { kind: 'loyalty-card'; code: string }
  | { kind: 'rejected'; reason: RejectReason; raw: string };

/**
 * - `checksum`: looks like a GTIN but a digit is wrong (misread or mistyped);
 * - `in-store-code`: a restricted-circulation code (weighed items, another
 *   retailer's own labels) that only means something in the shop that printed it;
 * - `unrecognised`: a URL, text or partial read that carries no GTIN.
 */
export type RejectReason = 'checksum' | 'in-store-code' | 'unrecognised';

const MAX_RAW = 512;

export function readScan(input: string, format: BarcodeFormat = 'keyboard'): ScanReading {
  const raw = input.trim().slice(0, MAX_RAW);
  if (isLoyaltyCardCode(raw)) return { kind: 'loyalty-card', code: raw };

  const fromGs1 = gtinFromDigitalLink(raw) ?? gtinFromElementString(raw);
  const candidate = fromGs1 ?? (format === 'upc-e' ? (expandUpcE(raw) ?? raw) : raw);
  if (/^\d+$/.test(candidate)) {
    const gtin = normalizeGtin(candidate);
    if (!gtin) {
      const plausibleLength = [8, 12, 13, 14].includes(candidate.length);
      return { kind: 'rejected', reason: plausibleLength ? 'checksum' : 'unrecognised', raw };
    }
    if (isRestrictedCirculation(gtin)) return { kind: 'rejected', reason: 'in-store-code', raw };
    return { kind: 'product', gtin, raw };
  }
  return { kind: 'rejected', reason: 'unrecognised', raw };
}

/** GS1 prefixes 02 and 20–29 (EAN-13) are for in-store use, not trade items. */
function isRestrictedCirculation(gtin14: string): boolean {
  const ean13 = gtin14.slice(1);
  return gtin14.startsWith('0') && (ean13.startsWith('02') || ean13.startsWith('2'));
}

/**
 * What a screen should look up for a camera reading the acceptance rule let
 * through: a product, a loyalty card, or a code that is not a product (a
 * promotion's QR code, a 2D code printed with a wrong check digit), which gets
 * its notice and a way to search. EAN/UPC check-digit misreads never get here:
 * ScanAcceptance drops them while the label is still in view.
 */
export function cameraScanText(reading: ScanReading): string {
  if (reading.kind === 'product') return reading.gtin;
  if (reading.kind === 'loyalty-card') return reading.code;
  return reading.raw;
}
