// Everything the product page shows, read from the local copy in one go
// (one Dexie transaction, a handful of keyed reads), so it works offline.
import type { Location, Product, ProductReviews, ProductStock, Promotion } from '../../core';
import type { DeviceDb, StoredProduct } from '../../client';

export type ProductView = {
  product: StoredProduct;
  stock: ProductStock | undefined;
  reviews: ProductReviews | undefined;
  promotion: Promotion | undefined;
  locations: Location[];
  complementary: StoredProduct[];
};

export async function loadProductView(
  db: DeviceDb,
  productId: string,
  now = new Date(),
): Promise<ProductView | undefined> {
  return db.transaction(
    'r',
    [db.products, db.stock, db.reviews, db.promotions, db.locations],
    async () => {
      const product = await db.products.get(productId);
      if (!product) return undefined;
      const [stock, reviews, promotions, locations, complementary] = await Promise.all([
        db.stock.get(productId),
        db.reviews.get(productId),
        db.promotions.toArray(),
        db.locations.toArray(),
        db.products.bulkGet(product.complementary.slice(0, 6)),
      ]);
      return {
        product,
        stock,
        reviews,
        promotion: activePromotion(promotions, productId, now),
        locations,
        complementary: complementary.filter((p): p is StoredProduct => !!p),
      };
    },
  );
}

export function activePromotion(
  promotions: readonly Promotion[],
  productId: string,
  now: Date,
): Promotion | undefined {
  const at = now.toISOString();
  return promotions.find(
    (promo) => promo.productIds.includes(productId) && promo.startsAt <= at && at < promo.endsAt,
  );
}

/** The price after a promotion, when the promotion is a simple reduction. */
export function promotedPriceCents(product: Product, promotion: Promotion | undefined) {
  if (!promotion) return undefined;
  if (promotion.kind === 'percent')
    return Math.round(product.priceCents * (1 - promotion.value / 100));
  if (promotion.kind === 'amount') return Math.max(0, product.priceCents - promotion.value);
  return undefined;
}

/** Units of every variant (or the product itself) at one location. */
export function unitsAt(stock: ProductStock | undefined, locationId: string) {
  const level = stock?.levels.find((l) => l.locationId === locationId);
  if (!level) return undefined;
  return {
    total: Object.values(level.quantities).reduce((sum, n) => sum + n, 0),
    aisle: level.aisle,
    quantities: level.quantities,
  };
}
