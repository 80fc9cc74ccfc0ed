// A store opened by a server from before variant ids: its catalogue (written
// here in the v1 shape the old generator wrote), stock corrections and
// requests name items by GTIN. Opening it with this server migrates it on
// real SQLite: every document reads with today's schemas, under a new
// revision, and every old code still scans to its product.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Product,
  ProductStock,
  type Product as ProductDoc,
  type ProductStock as StockDoc,
} from '@vitrine/shared/core';
import { generateDemoStore } from '../demo';
import { openDatabase, type Db } from '../db/database';
import { migrations } from '../db/migrations';
import { RequestStore } from '../requests/request-store';
import { DocStore } from '../sync/doc-store';
import { CatalogueStore } from './catalogue-store';
import { asV1Product } from './catalogue-test-support';

/** The migrations this change added: a v1 store has every other one. */
const ADDED = new Set([
  '104-catalogue-v2',
  '104-stock-corrections-variant',
  '702-request-variant-id',
  '105-catalogue-v3',
  '106-product-codes',
]);

/** A stock record as v1 wrote it: keyed by each variant's GTIN. */
function asV1Stock(stock: StockDoc, product: ProductDoc) {
  const gtinOf = new Map(product.variants.map((variant) => [variant.id, variant.gtin]));
  return {
    ...stock,
    levels: stock.levels.map((level) => ({
      ...level,
      quantities: Object.fromEntries(
        Object.entries(level.quantities).map(([id, units]): [string, number] => [
          gtinOf.get(id) ?? id,
          units,
        ]),
      ),
    })),
  };
}

const demo = generateDemoStore({ scale: 50, now: new Date('2026-11-23T08:00:00Z') });
const byId = new Map(demo.products.map((product) => [product.id, product]));
const garment = demo.products.find((product) => product.variants.length > 1)!;
const garmentVariant = garment.variants[1]!;
let v1Head = 0;
let db: Db;

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-catalogue-v2-'));
  const old = new Database(join(dir, 'store.sqlite'));
  old.exec('CREATE TABLE schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  for (const migration of migrations.filter((m) => !ADDED.has(m.id))) {
    old.exec(migration.sql);
    old.prepare('INSERT INTO schema_migrations VALUES (?, ?)').run(migration.id, 'then');
  }
  const insertDoc = old.prepare(
    'INSERT INTO sync_docs (collection, id, rev, deleted, body) VALUES (?, ?, ?, 0, ?)',
  );
  const index = old.prepare('INSERT OR REPLACE INTO gtin_index (gtin, product_id) VALUES (?, ?)');
  const v1Docs: [string, string, unknown][] = [
    ...demo.locations.map((l) => ['locations', l.id, l] as [string, string, unknown]),
    ...demo.products.map((p) => ['products', p.id, asV1Product(p)] as [string, string, unknown]),
    ...demo.stock.map(
      (s) => ['stock', s.id, asV1Stock(s, byId.get(s.id)!)] as [string, string, unknown],
    ),
  ];
  old.transaction(() => {
    v1Docs.forEach(([c, id, body], i) => insertDoc.run(c, id, i + 1, JSON.stringify(body)));
    for (const product of demo.products.map(asV1Product)) {
      for (const code of [product.gtin, ...product.variants.map((v) => v.gtin)])
        index.run(code, product.id);
    }
    // A correction and a size request from before: both name the item by GTIN.
    old
      .prepare(
        `INSERT INTO stock_corrections (id, product_id, gtin, location_id, before, after, reason, note, user_id, at)
         VALUES ('c1', ?, ?, 'online', 1, 2, 'count', NULL, 'u1', 'then')`,
      )
      .run(garment.id, garmentVariant.gtin);
    old
      .prepare(
        `INSERT INTO events (id, device_id, seq, kind, at, received_at, payload)
         VALUES ('r1', 'mirror-1', 1, 'request', 't', 't', ?)`,
      )
      .run(
        JSON.stringify({ type: 'size', productId: garment.id, variantGtin: garmentVariant.gtin }),
      );
  })();
  v1Head = v1Docs.length;
  old.close();
  db = openDatabase(dir);
});

afterAll(() => db.close());

const rows = (collection: string) =>
  db
    .prepare('SELECT id, rev, body FROM sync_docs WHERE collection = ? AND deleted = 0')
    .all(collection) as { id: string; rev: number; body: string }[];

describe('migration 104-catalogue-v2', () => {
  it('rewrites every product and stock record in the new shape, under new revisions', () => {
    const products = rows('products');
    const stock = rows('stock');
    expect(products).toHaveLength(demo.products.length);
    for (const row of products) {
      const parsed = Product.safeParse(JSON.parse(row.body));
      expect(parsed.success, row.id).toBe(true);
      expect(row.rev).toBeGreaterThan(v1Head);
    }
    for (const row of stock) {
      expect(ProductStock.safeParse(JSON.parse(row.body)).success, row.id).toBe(true);
      expect(row.rev).toBeGreaterThan(v1Head);
    }
    // Products come before their stock, so a device never holds stock for a product it lacks.
    expect(Math.max(...products.map((r) => r.rev))).toBeLessThan(
      Math.min(...stock.map((r) => r.rev)),
    );
    // Documents it does not concern keep their revision.
    expect(rows('locations').every((row) => row.rev <= v1Head)).toBe(true);
  });

  it('keys stock by variant ids that carry the counts the GTINs had', () => {
    for (const row of rows('stock')) {
      const stock = JSON.parse(row.body) as StockDoc;
      const product = JSON.parse(
        db
          .prepare(`SELECT body FROM sync_docs WHERE collection = 'products' AND id = ?`)
          .pluck()
          .get(row.id) as string,
      ) as ProductDoc;
      const before = demo.stock.find((s) => s.id === row.id)!;
      for (const [i, level] of stock.levels.entries()) {
        const v1Level = before.levels[i]!;
        for (const variant of product.variants) {
          // v1 ids are the GTINs the items had; the counts follow them.
          const demoVariant = byId.get(product.id)!.variants.find((v) => v.gtin === variant.gtin)!;
          expect(level.quantities[variant.id]).toBe(v1Level.quantities[demoVariant.id]);
        }
      }
    }
  });

  it('still finds every old code, by any of its usual lengths', () => {
    const catalogue = new CatalogueStore(db, new DocStore(db));
    for (const product of demo.products) {
      for (const variant of product.variants) {
        expect(catalogue.productByCode(variant.gtin!)?.id).toBe(product.id);
        expect(catalogue.productByCode(variant.gtin!.slice(1))?.id).toBe(product.id);
      }
      expect(catalogue.productByCode(product.gtin!)?.id).toBe(product.id);
    }
    // A scan names the variant: the upgraded product has the GTIN on that variant.
    const upgraded = catalogue.productByCode(garmentVariant.gtin!)!;
    expect(upgraded.variants.find((v) => v.gtin === garmentVariant.gtin)?.size).toBe(
      garmentVariant.size,
    );
  });

  it('keeps old corrections and requests readable by GTIN, and takes variant ids from then on', () => {
    expect(
      db.prepare(`SELECT variant_id, gtin FROM stock_corrections WHERE id = 'c1'`).get(),
    ).toEqual({ variant_id: null, gtin: garmentVariant.gtin });
    expect(() => db.prepare(`DELETE FROM stock_corrections`).run()).toThrow(/append-only/);

    const requests = new RequestStore(db, 60_000);
    try {
      expect(requests.get('r1')).toMatchObject({
        variantId: null,
        variantGtin: garmentVariant.gtin,
        variantSize: garmentVariant.size,
      });
      const upgraded = JSON.parse(
        db
          .prepare(`SELECT body FROM sync_docs WHERE collection = 'products' AND id = ?`)
          .pluck()
          .get(garment.id) as string,
      ) as ProductDoc;
      const other = upgraded.variants.find((v) => v.gtin === garment.variants[0]!.gtin)!;
      db.prepare(
        `INSERT INTO events (id, device_id, seq, kind, at, received_at, payload)
         VALUES ('r2', 'mirror-1', 2, 'request', 't', 't', ?)`,
      ).run(JSON.stringify({ type: 'size', productId: garment.id, variantId: other.id }));
      expect(requests.get('r2')).toMatchObject({
        variantId: other.id,
        variantGtin: null,
        variantSize: other.size,
        variantColour: other.colour,
      });
    } finally {
      requests.stop();
    }
  });
});
