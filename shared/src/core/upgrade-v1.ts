// Catalogue documents as servers wrote them before variants had ids (v1):
// every product and variant had a GTIN, a product sold as one item had no
// variant, and stock was keyed by GTIN. Pure, so the store server's migration
// and the tests read the same rules.
import { z } from 'zod';
import { ProductStock, type Product } from './catalogue';
import { ProductV2 } from './catalogue-v2';
import { isValidGtin } from './gtin';

const V1Gtin = z.string().regex(/^\d{14}$/);
const V1Product = ProductV2.omit({ gtin: true, variants: true }).extend({
  gtin: V1Gtin,
  variants: z.array(
    z.object({
      gtin: V1Gtin,
      size: z.string().optional(),
      colour: z.string().optional(),
      colourName: z.object({ fr: z.string(), en: z.string() }).optional(),
      swatch: z.string().optional(),
    }),
  ),
});

const V1Stock = ProductStock.omit({ levels: true }).extend({
  levels: z.array(
    z.object({
      locationId: z.string(),
      quantities: z.record(z.string(), z.number()),
      aisle: z.string().optional(),
    }),
  ),
});

/** A v1 GTIN kept only when its check digit is right: a wrong one would scan to nothing. */
const checked = (gtin: string) => (isValidGtin(gtin) ? { gtin } : {});

/**
 * A v1 product in the v2 shape (upgrade-v2.ts takes it on); a v2 product comes back as it is.
 * Each variant's id is the GTIN it had (stable, and stock keys stay readable);
 * a product without variants becomes one variant carrying the product's GTIN.
 * Throws (a zod error) on a document that is neither.
 */
export function upgradeProductV1(body: unknown): ProductV2 {
  const current = ProductV2.safeParse(body);
  if (current.success) return current.data;
  const { gtin, variants, ...rest } = V1Product.parse(body);
  const sold = variants.length > 0 ? variants : [{ gtin }];
  const seen = new Set<string>();
  const upgraded = sold
    .filter((variant) => !seen.has(variant.gtin) && seen.add(variant.gtin))
    .map(({ gtin: code, ...facts }) => ({ id: code, ...checked(code), ...facts }));
  return ProductV2.parse({ ...rest, ...checked(gtin), variants: upgraded });
}

/**
 * A v1 stock record keyed by variant id: each GTIN key becomes its variant's
 * id; a key that already is one stays; a key naming no variant of the
 * product is dropped (it could never be shown).
 */
export function upgradeStockV1(body: unknown, product: Pick<Product, 'variants'>): ProductStock {
  const stock = V1Stock.parse(body);
  const ids = new Set(product.variants.map((variant) => variant.id));
  const idOfGtin = new Map(product.variants.map((variant) => [variant.gtin, variant.id]));
  const levels = stock.levels.map((level) => {
    const quantities: Record<string, number> = {};
    for (const [key, units] of Object.entries(level.quantities)) {
      const id = ids.has(key) ? key : idOfGtin.get(key);
      if (id !== undefined) quantities[id] = units;
    }
    return { ...level, quantities };
  });
  return ProductStock.parse({ ...stock, levels });
}
