// A store opened by a server from before the free taxonomy (catalogue v2:
// a fixed category, fashion / electronics sub-objects, a currency on each
// product). Opening it with this server migrates it on real SQLite: every
// product reads with today's schema under a new revision, its stock after it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Product, ProductStock, scanCodesOf } from '@vitrine/shared/core';
import { generateDemoStore } from '../demo';
import { openDatabase, type Db } from '../db/database';
import { migrations } from '../db/migrations';
import { productSearch } from '../staff/product-search';
import { DocStore } from '../sync/doc-store';
import { CatalogueStore } from './catalogue-store';
import { asV2Product } from './catalogue-test-support';

const demo = generateDemoStore({ scale: 60, now: new Date('2026-11-23T08:00:00Z') });
const byId = new Map(demo.products.map((product) => [product.id, product]));
let v2Head = 0;
let db: Db;

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-catalogue-v3-'));
  const old = new Database(join(dir, 'store.sqlite'));
  old.exec('CREATE TABLE schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  for (const migration of migrations.filter(
    (m) => m.id !== '105-catalogue-v3' && m.id !== '106-product-codes',
  )) {
    old.exec(migration.sql);
    old.prepare('INSERT INTO schema_migrations VALUES (?, ?)').run(migration.id, 'then');
  }
  const insertDoc = old.prepare(
    'INSERT INTO sync_docs (collection, id, rev, deleted, body) VALUES (?, ?, ?, 0, ?)',
  );
  const docs: [string, string, unknown][] = [
    ...demo.locations.map((l): [string, string, unknown] => ['locations', l.id, l]),
    ...demo.products.map((p): [string, string, unknown] => ['products', p.id, asV2Product(p)]),
    ...demo.stock.map((s): [string, string, unknown] => ['stock', s.id, s]),
  ];
  const index = old.prepare('INSERT OR REPLACE INTO gtin_index (gtin, product_id) VALUES (?, ?)');
  old.transaction(() => {
    docs.forEach(([c, id, body], i) => insertDoc.run(c, id, i + 1, JSON.stringify(body)));
    for (const product of demo.products)
      for (const code of scanCodesOf(product)) index.run(code, product.id);
  })();
  v2Head = docs.length;
  old.close();
  db = openDatabase(dir);
});

afterAll(() => db.close());

const rows = (collection: string) =>
  db
    .prepare('SELECT id, rev, body FROM sync_docs WHERE collection = ? AND deleted = 0')
    .all(collection) as { id: string; rev: number; body: string }[];

describe('migration 105-catalogue-v3', () => {
  it('rewrites every product in the v3 shape under a new revision, its stock after it', () => {
    const products = rows('products');
    expect(products).toHaveLength(demo.products.length);
    for (const row of products) {
      const parsed = Product.safeParse(JSON.parse(row.body));
      expect(parsed.success, row.id).toBe(true);
      expect(row.rev).toBeGreaterThan(v2Head);
    }
    const stock = rows('stock');
    for (const row of stock) {
      expect(ProductStock.parse(JSON.parse(row.body))).toEqual(
        demo.stock.find((s) => s.id === row.id),
      );
      expect(row.rev).toBeGreaterThan(v2Head);
    }
    expect(Math.max(...products.map((r) => r.rev))).toBeLessThan(
      Math.min(...stock.map((r) => r.rev)),
    );
    expect(rows('locations').every((row) => row.rev <= v2Head)).toBe(true);
  });

  it('gives back the product the generator makes today: department, shelves, attributes', () => {
    for (const row of rows('products')) {
      const upgraded = Product.parse(JSON.parse(row.body));
      expect(upgraded, row.id).toEqual(byId.get(row.id));
    }
    const departments = new Set(
      rows('products').map((row) => Product.parse(JSON.parse(row.body)).department),
    );
    expect(departments).toContain('wine');
  });

  it('keeps codes scanning and names found by the staff search', () => {
    const catalogue = new CatalogueStore(db, new DocStore(db));
    const sample = demo.products[0]!;
    for (const product of demo.products)
      for (const code of scanCodesOf(product))
        expect(catalogue.productByCode(code)?.id).toBe(product.id);
    const word = sample.name.en.split(/\s+/).find((w) => w.length > 4)!;
    expect(productSearch(db, catalogue)(word, 50).map((p) => p.id)).toContain(sample.id);
  });
});
