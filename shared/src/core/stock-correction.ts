// A stock correction made from the staff console: the counted quantity of one
// item at one location, with the reason staff give. The server keeps an audit
// row of each (who, when, before, after, why).
import { z } from 'zod';
import { Gtin14, VariantId } from './catalogue';

export const StockCorrectionReason = z.enum([
  'count',
  'damaged',
  'theft',
  'received',
  'returned',
  'other',
]);
export type StockCorrectionReason = z.infer<typeof StockCorrectionReason>;

/** POST /staff/stock/corrections */
export const StockCorrectionRequest = z
  .object({
    productId: z.string().min(1).max(64),
    /** The item counted: one of the product's variants (a product sold as one item has one). */
    variantId: VariantId,
    locationId: z.string().min(1).max(64),
    quantity: z.number().int().min(0).max(100_000),
    reason: StockCorrectionReason,
    note: z.string().trim().max(200).optional(),
  })
  .refine((body) => body.reason !== 'other' || (body.note ?? '').length > 0, {
    message: 'a correction for another reason needs a note saying which',
    path: ['note'],
  });
export type StockCorrectionRequest = z.infer<typeof StockCorrectionRequest>;

export const StockCorrection = z.object({
  id: z.string(),
  productId: z.string(),
  /** Null on corrections made before variants had ids: those name the item by GTIN only. */
  variantId: z.string().nullable(),
  /** The item's GTIN when it had one. */
  gtin: Gtin14.nullable(),
  locationId: z.string(),
  before: z.number().int().nonnegative(),
  after: z.number().int().nonnegative(),
  reason: StockCorrectionReason,
  note: z.string().nullable(),
  userId: z.string(),
  at: z.string(),
});
export type StockCorrection = z.infer<typeof StockCorrection>;

/** A manager's price correction (PUT /products/:id/price), or the import that set the price again. */
export const PriceCorrection = z.object({
  id: z.string(),
  productId: z.string(),
  /** The item corrected; null: every item at the product's price. */
  variantId: z.string().nullable(),
  before: z.number().int().nonnegative(),
  after: z.number().int().nonnegative(),
  /** manager: a correction; import: a feed naming the product set its price again. */
  source: z.enum(['manager', 'import']),
  note: z.string().nullable(),
  /** The manager, or the import's creator for an import. */
  userId: z.string(),
  at: z.string(),
});
export type PriceCorrection = z.infer<typeof PriceCorrection>;
