// The scan-code and item indexes kept by triggers (migration 106), on real
// SQLite, through DocStore's own upsert: a product whose own GTIN is also its
// variant's, a GTIN moved to another product, a withdrawn product.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openDatabase } from '../db/database';
import { DocStore } from '../sync/doc-store';
import { CatalogueStore } from './catalogue-store';

const product = (id: string, gtin: string, variantId: string) => ({
  id,
  gtin,
  variants: [{ id: variantId, gtin }],
});

it('follows every write: the same code twice in one product, a moved code, a withdrawal', () => {
  const db = openDatabase(mkdtempSync(join(tmpdir(), 'vitrine-codes-')));
  const docs = new DocStore(db);
  const catalogue = new CatalogueStore(db, docs);
  docs.write([{ c: 'products', id: 'a', body: product('a', '03017620422003', 'A-1') }]);
  docs.write([{ c: 'products', id: 'a', body: product('a', '03017620422003', 'A-1') }]);
  expect(catalogue.productIdOfCode('03017620422003')).toBe('a');
  expect(catalogue.productIdOfVariant('A-1')).toBe('a');

  docs.write([{ c: 'products', id: 'b', body: product('b', '03017620422003', 'B-1') }]);
  expect(catalogue.productIdOfCode('03017620422003')).toBe('b');
  docs.write([{ c: 'products', id: 'b', deleted: true }]);
  expect(catalogue.productIdOfCode('03017620422003')).toBeUndefined();
  expect(catalogue.productIdOfVariant('B-1')).toBeUndefined();
  expect(catalogue.productIdOfVariant('A-1')).toBe('a');
  db.close();
});
