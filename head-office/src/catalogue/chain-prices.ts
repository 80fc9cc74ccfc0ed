// Each store's own prices from an inventory feed (16-plan §3.4): a line's price or sale that is
// not the chain's becomes the store's row (the same rule as the store's import, localPriceOf);
// a full feed replaces the rows of every store it names. What changes becomes PriceLines on the
// store's own subject; the chain's product documents never carry a store's price.
import {
  itemPriceOf,
  localPriceOf,
  variantIdOf,
  type ImportMode,
  type ItemPrice,
  type LocalPrice,
  type PriceLine,
  type Product,
} from '@vitrine/shared/core';
import type { Staging } from '@vitrine/shared/node';
import type { Pool } from '../db/pool';
import type { ChainDocChange } from './build-chain-docs';

type StorePriceRow = { storeId: string; variantId: string; productId: string } & LocalPrice;

export type StorePriceChanges = {
  upserts: StorePriceRow[];
  deletes: { storeId: string; variantId: string }[];
  /** What each store is told, by store. */
  lines: Map<string, PriceLine[]>;
};

type Chain = Map<string, { productId: string; price: ItemPrice }>;

/** Every item's chain price after this import: head office's products with the import's changes. */
async function chainPrices(pool: Pool, changes: readonly ChainDocChange[]): Promise<Chain> {
  const products = new Map<string, string | null>();
  const stored = await pool.query<{ id: string; body: string }>(
    `SELECT id, body FROM catalogue_docs WHERE collection = 'products'`,
  );
  for (const row of stored.rows) products.set(row.id, row.body);
  for (const change of changes) if (change.c === 'products') products.set(change.id, change.body);
  const chain: Chain = new Map();
  for (const [productId, body] of products) {
    if (body === null) continue;
    const product = JSON.parse(body) as Product;
    for (const variant of product.variants)
      chain.set(variant.id, { productId, price: itemPriceOf(product, variant.id) });
  }
  return chain;
}

const rowKey = (storeId: string, variantId: string) => `${storeId}\t${variantId}`;
const sameRow = (a: StorePriceRow, b: StorePriceRow) =>
  a.productId === b.productId &&
  a.priceCents === b.priceCents &&
  JSON.stringify(a.sale ?? null) === JSON.stringify(b.sale ?? null);

export async function buildStorePrices(
  pool: Pool,
  staging: Staging,
  mode: ImportMode,
  changes: readonly ChainDocChange[],
): Promise<StorePriceChanges> {
  const stores = staging.inventoryStores();
  const none: StorePriceChanges = { upserts: [], deletes: [], lines: new Map() };
  if (stores.length === 0) return none;
  const chain = await chainPrices(pool, changes);
  const existing = new Map<string, StorePriceRow>();
  const result = await pool.query<{
    store_id: string;
    variant_id: string;
    product_id: string;
    price_cents: number | null;
    sale: LocalPrice['sale'] | null;
  }>(
    'SELECT store_id, variant_id, product_id, price_cents, sale FROM store_prices WHERE store_id = ANY($1)',
    [stores],
  );
  for (const row of result.rows)
    existing.set(rowKey(row.store_id, row.variant_id), {
      storeId: row.store_id,
      variantId: row.variant_id,
      productId: row.product_id,
      ...(row.price_cents !== null && { priceCents: row.price_cents }),
      ...(row.sale !== null && { sale: row.sale }),
    });
  // A full feed is the whole of each store it names: their rows start from nothing.
  const next = new Map(mode === 'full' ? [] : existing);
  let after = '';
  for (;;) {
    const ids = staging.inventoryIdsAfter(after, 5_000);
    if (ids.length === 0) break;
    for (const line of staging.inventoryFor(ids.map((item) => item.id))) {
      const variantId = variantIdOf(line.id);
      const item = variantId === undefined ? undefined : chain.get(variantId);
      // A line without a price leaves the store's price as it was.
      if (variantId === undefined || !item || (!line.price && !line.sale)) continue;
      const local = localPriceOf(line, item.price);
      const key = rowKey(line.storeCode, variantId);
      if (!local) next.delete(key);
      else
        next.set(key, {
          storeId: line.storeCode,
          variantId,
          productId: item.productId,
          ...local,
        });
    }
    after = ids.at(-1)!.id;
  }
  // Items the chain no longer has keep no store price.
  for (const [key, row] of next) if (!chain.has(row.variantId)) next.delete(key);

  const changesOut: StorePriceChanges = { upserts: [], deletes: [], lines: new Map() };
  const tell = (storeId: string, line: PriceLine) =>
    changesOut.lines.set(storeId, [...(changesOut.lines.get(storeId) ?? []), line]);
  for (const [key, row] of next) {
    const before = existing.get(key);
    if (before && sameRow(before, row)) continue;
    changesOut.upserts.push(row);
    tell(row.storeId, {
      productId: row.productId,
      variantId: row.variantId,
      ...(row.priceCents !== undefined && { priceCents: row.priceCents }),
      ...(row.sale !== undefined && { sale: row.sale }),
    });
  }
  for (const [key, row] of existing) {
    if (next.has(key)) continue;
    changesOut.deletes.push({ storeId: row.storeId, variantId: row.variantId });
    tell(row.storeId, { productId: row.productId, variantId: row.variantId });
  }
  return changesOut;
}
