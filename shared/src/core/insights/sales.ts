// Sales from the till, for conversion and basket: one receipt per sale, sent
// as JSON by the till (one call per receipt, or a batch) or as a CSV export a
// manager uploads. Amounts are integers in the currency's minor unit; times
// carry their offset, or are the store's wall clock (a till's usual export).
// A receipt is keyed by its id: sent twice, it is stored once; sent again
// with other figures (a correction), the later one stands.
import { z } from 'zod';
import { CurrencyCode } from '../money';

const Id = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^\P{Cc}+$/u, 'no control characters');

/** With its offset ("2026-03-29T10:15:00+02:00", "…Z"), or the store's wall clock ("2026-03-29T10:15:00"). */
export const SaleTime = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2})?$/,
    'an ISO 8601 date and time, with its offset or in the store’s time zone',
  );

export const SaleLine = z.object({
  /** The product's id in the catalogue, or one of its GTINs. */
  product: Id,
  quantity: z.number().int().min(-10_000).max(10_000),
  /** What the line cost, in minor units (negative on a refund). */
  amount: z.number().int().min(-100_000_000).max(100_000_000),
});
export type SaleLine = z.infer<typeof SaleLine>;

export const SaleReceipt = z.object({
  /** The till's receipt number, unique in the store. */
  id: Id,
  at: SaleTime,
  /** The receipt's total in minor units; negative for a refund, which is not a sale. */
  total: z.number().int().min(-100_000_000).max(100_000_000),
  /** The store's currency when absent. */
  currency: CurrencyCode.optional(),
  lines: z.array(SaleLine).max(500).optional(),
});
export type SaleReceipt = z.infer<typeof SaleReceipt>;

/** A receipt as the store keeps it: its time in UTC, its currency named. */
export const StoredSale = SaleReceipt.extend({
  at: z.iso.datetime({ message: 'an ISO 8601 time in UTC ending in Z' }),
  currency: CurrencyCode,
});
export type StoredSale = z.infer<typeof StoredSale>;

export const MAX_RECEIPTS_PER_CALL = 1_000;
export const SaleReceipts = z.object({
  receipts: z.array(SaleReceipt).min(1).max(MAX_RECEIPTS_PER_CALL),
});

export const SalesImportResult = z.object({
  stored: z.number().int(),
  /** Already stored with the same figures. */
  unchanged: z.number().int(),
  /** Rows (CSV) or receipts left out, and why. */
  refused: z.array(z.object({ row: z.number().int(), reason: z.string() })).max(100),
  refusedCount: z.number().int(),
});
export type SalesImportResult = z.infer<typeof SalesImportResult>;

/** The CSV a till exports, one line of a receipt per row (docs/insights.md). */
export const SALES_CSV_COLUMNS = [
  'receipt',
  'at',
  'total',
  'currency',
  'product',
  'quantity',
  'amount',
] as const;
