// Reading a product's variants and their stock. Quantities are keyed by
// variant ids, which come from the catalogue's feed: an id such as
// "constructor" must read as its own count, never as Object.prototype's.
import type { Product, Variant } from './catalogue';

type Quantities = Readonly<Record<string, number>>;

/** Units of one variant in a stock level's quantities (0 when it has none there). */
export function unitsOfVariant(quantities: Quantities, variantId: string): number {
  return Object.hasOwn(quantities, variantId) ? (quantities[variantId] ?? 0) : 0;
}

/** Units of every variant in a stock level's quantities. */
export function totalUnits(quantities: Quantities): number {
  let total = 0;
  for (const units of Object.values(quantities)) total += units;
  return total;
}

/** The variant with this GTIN-14, when the product has one (a scan names a variant by its GTIN). */
export function variantWithGtin(
  product: Pick<Product, 'variants'>,
  gtin14: string,
): Variant | undefined {
  return product.variants.find((variant) => variant.gtin === gtin14);
}

/** Every code that finds the product by scanning: its own GTIN and its variants'. */
export function scanCodesOf(product: Pick<Product, 'gtin' | 'variants'>): string[] {
  const codes = [product.gtin, ...product.variants.map((variant) => variant.gtin)];
  return [...new Set(codes.filter((code): code is string => code !== undefined))];
}
