// Migration 104: every product and stock document rewritten in the v2 shape
// (core/upgrade-v1.ts) with a new revision, so devices pull them again, and
// the GTIN index rebuilt from the upgraded products. Runs inside the
// migration's transaction: a failure leaves the v1 catalogue as it was.
import { scanCodesOf, upgradeProductV1, upgradeStockV1, type Product } from '@vitrine/shared/core';
import type { Db } from '../db/database';

type Row = { collection: 'products' | 'stock'; id: string; body: string };

export function upgradeCatalogueToV2(db: Db): void {
  const rows = db
    .prepare(
      `SELECT collection, id, body FROM sync_docs
       WHERE collection IN ('products', 'stock') AND deleted = 0
       ORDER BY collection = 'stock', rev`,
    )
    .all() as Row[];
  if (rows.length === 0) return;
  let rev = db.prepare('SELECT COALESCE(MAX(rev), 0) FROM sync_docs').pluck().get() as number;
  const update = db.prepare(
    'UPDATE sync_docs SET rev = ?, body = ? WHERE collection = ? AND id = ?',
  );
  const products = new Map<string, Product>();
  for (const row of rows) {
    const body: unknown = JSON.parse(row.body);
    const upgraded = upgrade(row, body, products);
    // A document neither v1 nor v2 stays as it was: devices skip it (invalidDocs), as before.
    if (upgraded === undefined) continue;
    if (row.collection === 'products') products.set(row.id, upgraded as Product);
    update.run(++rev, JSON.stringify(upgraded), row.collection, row.id);
  }
  db.exec('DELETE FROM gtin_index');
  const index = db.prepare(
    'INSERT INTO gtin_index (gtin, product_id) VALUES (?, ?) ON CONFLICT (gtin) DO UPDATE SET product_id = excluded.product_id',
  );
  for (const product of products.values()) {
    for (const code of scanCodesOf(product)) index.run(code, product.id);
  }
}

function upgrade(row: Row, body: unknown, products: Map<string, Product>): unknown {
  try {
    if (row.collection === 'products') return upgradeProductV1(body);
    const product = products.get(row.id);
    return product ? upgradeStockV1(body, product) : undefined;
  } catch {
    return undefined;
  }
}
