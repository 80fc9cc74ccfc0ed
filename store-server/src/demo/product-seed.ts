// What a product builder gets: its id, the shared random stream and GTIN
// allocator, and the reference time (vintages, never the wall clock).
import type { GtinAllocator } from './gtin-allocator';
import type { Random } from './random';

export interface ProductSeed {
  id: string;
  rng: Random;
  gtins: GtinAllocator;
  now: Date;
}

/** One or two card images; the server renders them (product-image.ts). */
export function productImages(seed: ProductSeed): string[] {
  const count = seed.rng.chance(0.4) ? 2 : 1;
  return Array.from({ length: count }, (_, i) => `/media/products/${seed.id}-${i + 1}.svg`);
}

/** Distinct tags, in first-seen order. */
export function uniqueTags(tags: readonly (string | undefined | false)[]): string[] {
  return [...new Set(tags.filter((tag): tag is string => typeof tag === 'string'))];
}

/**
 * Gives each variant its id: the product's id and its place (`jeans-0042-v3`),
 * stable for a seed. A product sold as one item gets one variant carrying the
 * product's GTIN, as a feed line would.
 */
export function variantIds<V extends { gtin: string }>(
  productId: string,
  variants: readonly V[],
  productGtin: string,
): (V & { id: string })[] {
  const sold = variants.length > 0 ? variants : [{ gtin: productGtin } as V];
  return sold.map((variant, i) => ({ id: `${productId}-v${i + 1}`, ...variant }));
}
