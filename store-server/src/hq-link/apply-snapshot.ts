// A fresh snapshot from head office (16-plan §3.4), applied like a full import: the chain's
// documents as of the snapshot's chain revision, everything this store holds from head office
// that is no longer there withdrawn, this store's own prices replaced by the snapshot's, then
// its stock, settings and neighbours. One atomic batch, inside the intake's transaction; a
// document already as the snapshot says is not written again, so the same snapshot twice
// changes nothing.
import {
  CHAIN_CATALOGUE_COLLECTIONS,
  itemPriceOf,
  type LinkDoc,
  type LocalPriceRow,
  type PriceLine,
  type Product,
  type StoreSnapshotChunk,
} from '@vitrine/shared/core';
import type { DocWrite } from '../sync/doc-store';
import type { IntakeParts } from './apply-whole';
import { catalogueWrites } from './apply-catalogue';
import { priceWrites } from './apply-prices';
import { replaceNeighbours, settingsWrite } from './apply-settings';
import { stockWrites } from './apply-stock';

const localOf = (line: PriceLine) => ({
  ...(line.priceCents !== undefined && { priceCents: line.priceCents }),
  ...(line.sale !== undefined && { sale: line.sale }),
});

/** The products that hold a price row of this store now. */
function productsWithOwnPrices(parts: IntakeParts): string[] {
  return parts.db
    .prepare('SELECT DISTINCT product_id FROM local_prices WHERE location_id = ?')
    .pluck()
    .all(parts.storeId) as string[];
}

/** This store's rows become the snapshot's exactly (other locations' rows stay as they are). */
function replaceOwnPrices(
  parts: IntakeParts,
  products: ReadonlyMap<string, Product>,
  lines: readonly PriceLine[],
): void {
  const byProduct = new Map<string, PriceLine[]>();
  for (const line of lines)
    byProduct.set(line.productId, [...(byProduct.get(line.productId) ?? []), line]);
  const touched = new Set([...productsWithOwnPrices(parts), ...byProduct.keys()]);
  for (const productId of touched) {
    const others = parts.localPrices
      .of(productId)
      .filter((row) => row.locationId !== parts.storeId);
    const product = products.get(productId);
    const own: LocalPriceRow[] = [];
    for (const line of byProduct.get(productId) ?? []) {
      const local = localOf(line);
      if (local.priceCents === undefined && local.sale === undefined) continue;
      const known = product?.variants.some((variant) => variant.id === line.variantId) ?? false;
      own.push({
        locationId: parts.storeId,
        variantId: line.variantId,
        local,
        // Until the chain has the product, the row's own price stands for the chain's.
        chain: known
          ? itemPriceOf(product!, line.variantId)
          : { priceCents: local.priceCents ?? local.sale?.priceCents ?? 0 },
      });
    }
    parts.localPrices.replace(productId, [...others, ...own]);
  }
}

/** Live documents of the chain's collections this store holds that the snapshot lacks. */
function withdrawals(parts: IntakeParts, docs: readonly LinkDoc[]): DocWrite[] {
  const kept = new Set(docs.map((doc) => `${doc.c}\t${doc.id}`));
  const live = parts.db
    .prepare(
      `SELECT collection, id FROM sync_docs WHERE deleted = 0
        AND collection IN (SELECT value FROM json_each(?)) ORDER BY collection, id`,
    )
    .raw()
    .all(JSON.stringify(CHAIN_CATALOGUE_COLLECTIONS)) as [LinkDoc['c'], string][];
  const writes: DocWrite[] = [];
  for (const [c, id] of live) {
    if (kept.has(`${c}\t${id}`)) continue;
    writes.push({ c, id, deleted: true });
    // A product gone from the chain takes its stock record with it, as a full import does.
    if (c === 'products') writes.push({ c: 'stock', id, deleted: true });
  }
  return writes;
}

/** Without the chain's part: this store's prices become the snapshot's (the rest: the chain's). */
function ownPricesOnly(parts: IntakeParts, lines: readonly PriceLine[]): DocWrite[] {
  const named = new Set(lines.map((line) => `${line.productId}\t${line.variantId}`));
  const cleared: PriceLine[] = [];
  for (const productId of productsWithOwnPrices(parts))
    for (const row of parts.localPrices.of(productId))
      if (row.locationId === parts.storeId && !named.has(`${productId}\t${row.variantId}`))
        cleared.push({ productId, variantId: row.variantId });
  return priceWrites(parts, [...cleared, ...lines]);
}

/** Only the writes that change something: a document already as written is left alone. */
function changing(parts: IntakeParts, writes: readonly DocWrite[]): DocWrite[] {
  const last = new Map<string, DocWrite>();
  for (const write of writes) {
    const key = `${write.c}\t${write.id}`;
    last.delete(key);
    last.set(key, write);
  }
  return [...last.values()].filter((write) => {
    const stored = parts.docs.stored(write.c, write.id);
    if ('deleted' in write) return stored !== undefined && stored.body !== null;
    const text = 'json' in write ? write.json : JSON.stringify(write.body);
    return stored?.body !== text;
  });
}

/**
 * The writes of a whole snapshot (its chunks in order) and, when it carries the chain's part,
 * that part's documents (read from the bucket and checked by the intake).
 */
export function snapshotWrites(
  parts: IntakeParts,
  chunks: readonly StoreSnapshotChunk[],
  chainDocs: readonly LinkDoc[] | undefined,
): DocWrite[] {
  const prices = chunks.flatMap((chunk) => chunk.prices ?? []);
  const stock = chunks.flatMap((chunk) => chunk.stock ?? []);
  const settings = chunks.findLast((chunk) => chunk.settings)?.settings;
  const storeSettings = chunks.findLast((chunk) => chunk.storeSettings)?.storeSettings;
  const neighbours = chunks.findLast((chunk) => chunk.neighbours)?.neighbours;
  const docs = [...(chainDocs ?? []), ...chunks.flatMap((chunk) => chunk.docs ?? [])].filter(
    (doc) => !doc.del,
  );
  const writes: DocWrite[] = [];
  if (chainDocs) {
    const products = new Map(
      docs.filter((doc) => doc.c === 'products').map((doc) => [doc.id, doc.body as Product]),
    );
    replaceOwnPrices(parts, products, prices);
    writes.push(...catalogueWrites(parts, docs), ...withdrawals(parts, docs));
  } else {
    if (docs.length > 0) writes.push(...catalogueWrites(parts, docs));
    writes.push(...ownPricesOnly(parts, prices));
  }
  const changed = changing(parts, writes);
  // Stock and settings read the store's documents: written in a batch of their own below.
  if (neighbours) replaceNeighbours(parts.db, neighbours);
  const tail: DocWrite[] = [];
  if (stock.length > 0) tail.push(...stockWrites(parts, stock));
  if (settings) tail.push(...settingsWrite(parts, 'chain', settings));
  if (storeSettings) tail.push(...settingsWrite(parts, 'store', storeSettings));
  return [...changed, ...changing(parts, tail)];
}
