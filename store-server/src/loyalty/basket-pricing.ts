// Prices a basket the till entered as codes, from the store's own catalogue:
// the console never says what a product costs.
import type { BasketEntry, BasketLine, PricedLine } from '@vitrine/shared/core';
import type { CatalogueStore } from '../catalogue/catalogue-store';
import { HttpError } from '../http/http-error';

export function priceBasket(
  catalogue: CatalogueStore,
  entries: readonly BasketEntry[],
): { priced: PricedLine[]; lines: BasketLine[] } {
  const priced = entries.map((entry): PricedLine => {
    const product = catalogue.productByCode(entry.code);
    if (!product)
      throw new HttpError(400, 'unknown_product', `no product has the code ${entry.code}`);
    return {
      code: entry.code,
      productId: product.id,
      name: product.name.fr,
      category: product.department,
      unitPriceCents: product.priceCents,
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
