// A price now as the shopper screens write it: "12,50 €", or "à partir de
// 12,50 €" when it is the lowest of the variants' prices.
import { priceNow, type PriceNow, type Priced, type Promotion } from '../../core';
import type { I18n } from '../i18n/i18n';

export function priceText(shown: PriceNow, { t, price }: Pick<I18n, 't' | 'price'>): string {
  const amount = price(shown.nowCents);
  return shown.from ? t.priceFrom(amount) : amount;
}

/** A product's price now when no variant is chosen (a tile, a card, a spoken fact). */
export function productPriceText(
  product: Priced,
  promotions: readonly Promotion[],
  i18n: Pick<I18n, 't' | 'price'>,
  now = new Date(),
): string {
  return priceText(priceNow(product, undefined, promotions, now), i18n);
}
