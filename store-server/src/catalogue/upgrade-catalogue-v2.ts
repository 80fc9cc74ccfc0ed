// Migration 104: every product and stock document rewritten in the v2 shape
// (core/upgrade-v1.ts) with a new revision, so devices pull them again, and
// the GTIN index rebuilt from the upgraded products. Runs inside the
// migration's transaction: a failure leaves the v1 catalogue as it was.
// Read in pages by revision (new revisions are above the old head), so a
// large catalogue is never all in memory at once.
import { scanCodesOf, upgradeProductV1, upgradeStockV1, type Product } from '@vitrine/shared/core';
import type { Db } from '../db/database';

const PAGE = 2_000;

export function upgradeCatalogueToV2(db: Db): void {
  const oldHead = db.prepare('SELECT COALESCE(MAX(rev), 0) FROM sync_docs').pluck().get() as number;
  let rev = oldHead;
  const page = db.prepare(
    `SELECT id, rev, body FROM sync_docs
     WHERE collection = ? AND deleted = 0 AND rev > ? AND rev <= ? ORDER BY rev LIMIT ${PAGE}`,
  );
  const update = db.prepare(
    'UPDATE sync_docs SET rev = ?, body = ? WHERE collection = ? AND id = ?',
  );
  const productBody = db
    .prepare(`SELECT body FROM sync_docs WHERE collection = 'products' AND id = ? AND deleted = 0`)
    .pluck();
  const index = db.prepare(
    'INSERT INTO gtin_index (gtin, product_id) VALUES (?, ?) ON CONFLICT (gtin) DO UPDATE SET product_id = excluded.product_id',
  );
  const upgraded = new Set<string>();

  /** Each live document of the collection, oldest first, rewritten under the next revision. */
  const rewrite = (
    collection: 'products' | 'stock',
    upgrade: (id: string, body: unknown) => unknown,
  ) => {
    for (let after = 0; ;) {
      const rows = page.all(collection, after, oldHead) as {
        id: string;
        rev: number;
        body: string;
      }[];
      if (rows.length === 0) return;
      after = rows.at(-1)!.rev;
      for (const row of rows) {
        const body = attempt(() => upgrade(row.id, JSON.parse(row.body)));
        // A document neither v1 nor v2 stays as it was: devices skip it (invalidDocs), as before.
        if (body !== undefined) update.run(++rev, JSON.stringify(body), collection, row.id);
      }
    }
  };

  db.exec('DELETE FROM gtin_index');
  // Products first: a device pulling in revision order never holds stock for a product it lacks.
  rewrite('products', (id, body) => {
    const product = upgradeProductV1(body);
    for (const code of scanCodesOf(product)) index.run(code, product.id);
    upgraded.add(id);
    return product;
  });
  rewrite('stock', (id, body) => {
    if (!upgraded.has(id)) return undefined;
    const product = JSON.parse(productBody.get(id) as string) as Product;
    return upgradeStockV1(body, product);
  });
}

function attempt<T>(upgrade: () => T): T | undefined {
  try {
    return upgrade();
  } catch {
    return undefined;
  }
}
