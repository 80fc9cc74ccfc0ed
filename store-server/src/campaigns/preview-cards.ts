// Live product cards for the head-office preview: the price, running promotion
// or sale and stock of this store, computed with the same pricing (priceNow) as the players.
import {
  priceNow,
  totalUnits,
  type PreviewCard,
  type Product,
  type ProductStock,
  type Promotion,
} from '@vitrine/shared/core';
import type { DocStore } from '../sync/doc-store';

function previewCard(
  product: Product,
  stock: ProductStock | undefined,
  promotions: readonly Promotion[],
  storeId: string,
  now: Date,
): PreviewCard {
  const shown = priceNow(product, undefined, promotions, now);
  const level = stock?.levels.find((entry) => entry.locationId === storeId);
  return {
    id: product.id,
    name: product.name,
    priceCents: shown.regularCents,
    // A running sale strikes the price as a promotion does.
    promotedPriceCents: shown.nowCents < shown.regularCents ? shown.nowCents : null,
    promotion: shown.promotion?.label ?? null,
    from: shown.from,
    stockHere: level ? totalUnits(level.quantities) : null,
  };
}

/** The cards of the products that exist among `ids`, priced as players would now. */
export function previewCards(
  docs: DocStore,
  ids: readonly string[],
  storeId: string,
): PreviewCard[] {
  const promotions = docs.all<Promotion>('promotions');
  const now = new Date();
  return ids.flatMap((id) => {
    const product = docs.get<Product>('products', id);
    if (!product) return [];
    const stock = docs.get<ProductStock>('stock', id);
    return [previewCard(product, stock, promotions, storeId, now)];
  });
}
