// Whether a read is the label's content, judged as the kiosk would resolve it
// (readScan): the expected GTIN, or the exact text of a loyalty card or promo URL.
import { readScan, type BarcodeFormat, type ScanReading } from '@vitrine/shared/scan';
import type { Expectation } from './manifest';

/**
 * - `right`: resolves to the label's GTIN (or is its exact text);
 * - `wrong`: resolves to another product, card or text — the dangerous case;
 * - `rejected`: decoded, but readScan refuses it (a checksum failure, say);
 * - `none`: nothing decoded.
 */
export type ReadVerdict = 'right' | 'wrong' | 'rejected' | 'none';

/** What a resolved scan means against the label it came from. */
export function judgeReading(expect: Expectation, reading: ScanReading): ReadVerdict {
  if ('text' in expect) {
    const text = reading.kind === 'loyalty-card' ? reading.code : reading.raw;
    return text === expect.text ? 'right' : 'wrong';
  }
  if (reading.kind === 'product') return reading.gtin === expect.gtin14 ? 'right' : 'wrong';
  if (reading.kind === 'loyalty-card') return 'wrong';
  return 'rejected';
}

export function judgeRead(
  expect: Expectation,
  read: { text: string; format?: BarcodeFormat } | undefined,
): ReadVerdict {
  return read ? judgeReading(expect, readScan(read.text, read.format)) : 'none';
}
