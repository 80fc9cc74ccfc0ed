// What a product costs now: the promotion running for it and the price after
// it. One implementation for every screen (kiosk page, mirror, signage card,
// head-office preview), so they can never disagree on a price.
import type { Product, Promotion } from './catalogue';

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

/** The price after a promotion, when the promotion is a simple reduction (`amount` is in cents). */
export function promotedPriceCents(
  product: Pick<Product, 'priceCents'>,
  promotion: Promotion | undefined | null,
): number | undefined {
  if (!promotion) return undefined;
  if (promotion.kind === 'percent')
    return Math.round(product.priceCents * (1 - promotion.value / 100));
  if (promotion.kind === 'amount') return Math.max(0, product.priceCents - promotion.value);
  return undefined;
}
