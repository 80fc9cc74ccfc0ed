// Prices a basket the till entered as codes, from the store's own catalogue:
// the console never says what a product costs. Each line costs what the
// screens show now (core's priceNow: a running sale or promotion counts), and a
// variant's code prices that variant (a larger size may cost more).
import { priceNow, type BasketEntry, type BasketLine, type PricedLine } from '@vitrine/shared/core';
import type { CatalogueStore } from '../catalogue/catalogue-store';
import { HttpError } from '@vitrine/shared/node';

export function priceBasket(
  catalogue: CatalogueStore,
  entries: readonly BasketEntry[],
  now: Date,
): { priced: PricedLine[]; lines: BasketLine[] } {
  const promotions = catalogue.promotions();
  const priced = entries.map((entry): PricedLine => {
    const product = catalogue.productByCode(entry.code);
    if (!product)
      throw new HttpError(400, 'unknown_product', `no product has the code ${entry.code}`);
    const variant = catalogue.variantOf(product.id, { gtin: entry.code });
    return {
      code: entry.code,
      productId: product.id,
      name: product.name.fr,
      category: product.department,
      unitPriceCents: priceNow(product, variant, promotions, now).nowCents,
      quantity: entry.quantity,
    };
  });
  const lines = priced.map(({ productId, category, unitPriceCents, quantity }) => ({
    productId,
    category,
    unitPriceCents,
    quantity,
  }));
  return { priced, lines };
}
