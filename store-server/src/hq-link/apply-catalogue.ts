// A chain catalogue delta as the store writes it: HQ's documents carry no store's price, so each
// product takes this store's own prices (`local_prices`) the way an import writes them, and the
// rows learn the chain's price they differ from. Called inside the intake's transaction.
import {
  collectionSchemas,
  itemPriceOf,
  repriceProduct,
  samePrice,
  withLocal,
  type ItemPrice,
  type LinkDoc,
  type Product,
} from '@vitrine/shared/core';
import type { LocalPrices } from '../catalogue/local-prices';
import type { DocWrite } from '../sync/doc-store';

export type PriceParts = { localPrices: LocalPrices; storeId: string };

/** The writes of a delta (chunks joined): the last word on each document, in order. */
export function catalogueWrites(parts: PriceParts, docs: readonly LinkDoc[]): DocWrite[] {
  const last = new Map<string, LinkDoc>();
  for (const doc of docs) {
    const key = `${doc.c}\t${doc.id}`;
    last.delete(key); // the write goes where its last word was said
    last.set(key, doc);
  }
  return [...last.values()].map((doc): DocWrite => {
    if (doc.del) return { c: doc.c, id: doc.id, deleted: true };
    // LinkDoc checked the body; parsing again keeps only the fields the collection declares.
    const body: unknown = collectionSchemas[doc.c].parse(doc.body);
    if (doc.c === 'products')
      return { c: doc.c, id: doc.id, body: withOwnPrices(parts, body as Product) };
    return { c: doc.c, id: doc.id, body };
  });
}

/**
 * The chain's product with this store's own prices. Always written through repriceProduct, so
 * a product's document depends only on the chain's and the store's prices, not on which of
 * the two streams spoke last.
 */
function withOwnPrices(parts: PriceParts, product: Product): Product {
  const rows = parts.localPrices.of(product.id);
  const prices = new Map<string, ItemPrice>();
  let rowsChanged = false;
  const updated = rows.map((row) => {
    const known = product.variants.some((variant) => variant.id === row.variantId);
    if (row.locationId !== parts.storeId || !known) return row;
    const chain = itemPriceOf(product, row.variantId);
    prices.set(row.variantId, withLocal(chain, row.local));
    if (samePrice(chain, row.chain)) return row;
    rowsChanged = true;
    return { ...row, chain };
  });
  if (rowsChanged) parts.localPrices.replace(product.id, updated);
  return repriceProduct(product, prices);
}
