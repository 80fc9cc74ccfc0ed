// What the attract loop shows: the promotions running now, then the products
// on sale now from the feed (sale_price with its dates), each product once.
// Sale bounds are UTC instants the import resolved in the store's time zone
// (DST included), so "now" is a plain comparison (core/pricing.ts).
import type { DeviceDb, StoredProduct } from '../../client';
import { priceNow, type Promotion } from '../../core';

export type Slide = { product: StoredProduct; promotion?: Promotion };

/** At most this many of each: a loop of 6 s slides is a couple of minutes. */
const MAX_SLIDES = 12;

/** On sale now: the price it is shown at (its cheapest item now) is a sale price. */
const onSaleNow = (product: StoredProduct, now: Date): boolean =>
  priceNow(product, undefined, [], now).onSale;

/** The promotions running now whose product this copy has, first 12 by id. */
async function promotionSlides(db: DeviceDb, now: Date): Promise<Slide[]> {
  const at = now.toISOString();
  const promotions = (await db.promotions.toArray())
    .filter((p) => p.startsAt <= at && at < p.endsAt)
    .slice(0, MAX_SLIDES);
  const products = await db.products.bulkGet(promotions.map((p) => p.productIds[0] ?? ''));
  // A promotion whose product this copy does not have has nothing to show.
  return promotions.flatMap((promotion, i) => {
    const product = products[i];
    return product ? [{ promotion, product }] : [];
  });
}

/**
 * The first products on sale now, cheapest sale first. Only products with a
 * sale are read (the `sale.priceCents` index: every product with a sale on
 * any item carries one), so a 100k-product copy with few sales reads few.
 */
async function saleProducts(db: DeviceDb, now: Date): Promise<StoredProduct[]> {
  return db.products
    .where('sale.priceCents')
    .aboveOrEqual(0)
    .filter((product) => onSaleNow(product, now))
    .limit(MAX_SLIDES)
    .toArray();
}

/** Promotions first, then the sales that no promotion slide shows. */
export async function currentSlides(db: DeviceDb, now: Date): Promise<Slide[]> {
  const promotions = await promotionSlides(db, now);
  const shown = new Set(promotions.map((slide) => slide.product.id));
  const sales = await saleProducts(db, now);
  return [
    ...promotions,
    ...sales.filter((product) => !shown.has(product.id)).map((product) => ({ product })),
  ];
}
