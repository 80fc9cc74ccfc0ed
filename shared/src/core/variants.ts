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

const distinct = (values: (string | undefined)[]) => [
  ...new Set(values.filter((value): value is string => value !== undefined)),
];

/** The sizes and colours on offer, in the order of the product's variants. */
export function variantAxes(product: Product): { sizes: string[]; colours: string[] } {
  return {
    sizes: distinct(product.variants.map((v) => v.size)),
    colours: distinct(product.variants.map((v) => v.colour)),
  };
}

/** True when the shopper has a size or a colour to choose (a product sold as one item has not). */
export function hasVariantChoice(product: Product): boolean {
  const { sizes, colours } = variantAxes(product);
  return sizes.length > 0 || colours.length > 0;
}
