// Messages between the page and the search worker, parsed on both sides.
import { z } from 'zod';

const PriceBandId = z.string().regex(/^\d{1,12}-\d{0,12}$/);
const PriceBandCount = z.object({
  id: PriceBandId,
  min: z.number().int().nonnegative(),
  max: z.number().int().positive().optional(),
  count: z.number(),
});
const SearchRequestSchema = z.object({
  query: z.string().max(10_000),
  department: z.string().max(64).optional(),
  brand: z.string().max(200).optional(),
  priceBand: PriceBandId.optional(),
  inStockHere: z.boolean().optional(),
  limit: z.number().int().positive().max(500).optional(),
});

export const ToWorker = z.discriminatedUnion('type', [
  z.object({ type: z.literal('open'), dbName: z.string(), storeId: z.string() }),
  z.object({ type: z.literal('search'), id: z.number().int(), request: SearchRequestSchema }),
]);
export type ToWorker = z.infer<typeof ToWorker>;

export const IndexStatus = z.discriminatedUnion('state', [
  z.object({ state: z.literal('building'), indexed: z.number(), total: z.number() }),
  z.object({
    state: z.literal('ready'),
    documents: z.number(),
    /** The last read of the whole copy (the first build, or a scan after a big write). */
    buildMs: z.number(),
    /** Documents indexed again since (changed products only), and the last such pass. */
    reindexed: z.number(),
    updateMs: z.number(),
  }),
  z.object({ state: z.literal('failed'), error: z.string() }),
]);
export type IndexStatus = z.infer<typeof IndexStatus>;

// A sale as Product.sale has it (core's schema is not loaded in the worker).
const HitSale = z.object({
  priceCents: z.number().int().nonnegative(),
  startsAt: z.string().max(40).optional(),
  endsAt: z.string().max(40).optional(),
});
const HitPricing = z.object({
  sale: HitSale.optional(),
  variants: z
    .array(
      z.object({
        id: z.string().max(64),
        priceCents: z.number().int().nonnegative().optional(),
        sale: HitSale.nullable().optional(),
      }),
    )
    .max(1_000)
    .readonly(),
});
const Hit = z.object({
  id: z.string(),
  nameFr: z.string(),
  nameEn: z.string(),
  priceCents: z.number(),
  brand: z.string(),
  inStockHere: z.boolean(),
  image: z.string().max(2_000).optional(),
  sizeRange: z.string().max(100).optional(),
  colours: z.array(z.string().max(100)).max(50).optional(),
  pricing: HitPricing.optional(),
});
export const FromWorker = z.discriminatedUnion('type', [
  z.object({ type: z.literal('status'), status: IndexStatus }),
  z.object({
    type: z.literal('results'),
    id: z.number().int(),
    searchMs: z.number(),
    response: z.object({
      total: z.number(),
      hits: z.array(Hit),
      facets: z.object({
        brands: z.array(z.object({ brand: z.string(), count: z.number() })),
        departments: z.array(
          z.object({
            department: z.string(),
            label: z.object({ fr: z.string(), en: z.string() }),
            count: z.number(),
          }),
        ),
        priceBands: z.array(PriceBandCount).max(4),
        inStockHere: z.number(),
      }),
    }),
  }),
]);
export type FromWorker = z.infer<typeof FromWorker>;
