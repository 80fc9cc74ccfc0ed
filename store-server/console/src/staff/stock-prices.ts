// The stock check's prices, by core's one pricing rule (priceNow): this
// store's price now ("from X" when its items cost different amounts, a sale
// struck against the regular price), and another store's from the items it
// prices differently (the others at this store's price).
import { priceNow, type PriceNow, type Priced, type StockCheck } from '@vitrine/shared/core';

type Result = StockCheck['results'][number];

export const priceHere = (product: Result['product'], now: Date): PriceNow =>
  priceNow(product, undefined, [], now);

/** What `locationId` charges for the product now; undefined when it is this store's price. */
export function priceThere(result: Result, locationId: string, now: Date): PriceNow | undefined {
  const there = result.storePrices.filter((price) => price.locationId === locationId);
  if (there.length === 0) return undefined;
  const { product } = result;
  const priced: Priced = {
    ...product,
    variants: product.variants.map((variant) => {
      const own = there.find((price) => price.variantId === variant.id);
      if (!own) return variant;
      // The route gives that store's price now, not its sale's dates: a sale running now.
      const sale = own.nowCents < own.priceCents ? { priceCents: own.nowCents } : null;
      return { id: variant.id, priceCents: own.priceCents, sale };
    }),
  };
  return priceNow(priced, undefined, [], now);
}
