// Migration 104: every product and stock document rewritten in the v2 shape
// (core/upgrade-v1.ts) with a new revision, so devices pull them again, and
// the GTIN index rebuilt from the upgraded products. Runs inside the
// migration's transaction: a failure leaves the v1 catalogue as it was.
import { scanCodesOf, upgradeProductV1, upgradeStockV1, type Product } from '@vitrine/shared/core';
import type { Db } from '../db/database';
import { rewriteDocs, startRevisions } from './rewrite-docs';

export function upgradeCatalogueToV2(db: Db): void {
  const revisions = startRevisions(db);
  const productBody = db
    .prepare(`SELECT body FROM sync_docs WHERE collection = 'products' AND id = ? AND deleted = 0`)
    .pluck();
  const index = db.prepare(
    'INSERT INTO gtin_index (gtin, product_id) VALUES (?, ?) ON CONFLICT (gtin) DO UPDATE SET product_id = excluded.product_id',
  );
  const upgraded = new Set<string>();

  db.exec('DELETE FROM gtin_index');
  // Products first: a device pulling in revision order never holds stock for a product it lacks.
  rewriteDocs(db, revisions, 'products', (id, body) => {
    const product = upgradeProductV1(body);
    for (const code of scanCodesOf(product)) index.run(code, product.id);
    upgraded.add(id);
    return product;
  });
  rewriteDocs(db, revisions, 'stock', (id, body) => {
    if (!upgraded.has(id)) return undefined;
    const product = JSON.parse(productBody.get(id) as string) as Pick<Product, 'variants'>;
    return upgradeStockV1(body, product);
  });
}
