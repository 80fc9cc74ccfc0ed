import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Product } from '@vitrine/shared/core';
import { describe, expect, it } from 'vitest';
import { CatalogueStore } from '../catalogue/catalogue-store';
import { openDatabase, type Db } from '../db/database';
import { generateDemoStore } from '../demo';
import { DocStore } from '../sync/doc-store';
import { productSearch } from './product-search';

// Real demo products (valid barcodes), renamed to names that show the rules.
const demo = generateDemoStore({ scale: 20, now: new Date('2026-11-23T08:00:00Z') }).products;
const product = (id: string, fr: string, en: string, brand: string): Product => {
  const base = demo[Number(id.slice(2))]!;
  return { ...base, id, name: { fr, en }, brand, variants: [] };
};

const PRODUCTS = [
  product('p-1', 'Sac seau en cuir', 'Leather bucket bag', 'Albane'),
  product('p-2', 'Robe d’été à fleurs', 'Floral summer dress', 'Élise Marchand'),
  product('p-3', 'T-shirt col rond', 'Crew-neck T-shirt', 'Atelier Nord'),
  product('p-4', 'Sac à dos', 'Backpack', 'Albane'),
];

function storeWith(products: readonly Product[], dataDir = mkdtempSync(join(tmpdir(), 'vs-'))) {
  const db = openDatabase(dataDir);
  const docs = new DocStore(db);
  const catalogue = new CatalogueStore(db, docs);
  catalogue.import({ products });
  return { db, docs, catalogue, dataDir, search: productSearch(db, catalogue) };
}
/** The ids found, sorted: which products, whatever their relevance order. */
const ids = (found: readonly Product[]) => found.map((p) => p.id).sort();

describe('product search', () => {
  it('needs every word, in any order, whatever the case and accents', () => {
    const { search } = storeWith(PRODUCTS);
    expect(ids(search('CUIR sac', 20))).toEqual(['p-1']);
    expect(ids(search('sac', 20))).toEqual(['p-1', 'p-4']);
    expect(ids(search('albane', 20))).toEqual(['p-1', 'p-4']);
    expect(ids(search('ete robe', 20))).toEqual(['p-2']); // no accents typed, "été" stored
    expect(ids(search('élise', 20))).toEqual(['p-2']);
    expect(ids(search('ÉTÉ', 20))).toEqual(['p-2']);
    expect(ids(search('Eté fleurs', 20))).toEqual(['p-2']);
    expect(ids(search('summer dress', 20))).toEqual(['p-2']); // the English name too
    expect(ids(search('sac zzzqqq', 20))).toEqual([]);
    expect(ids(search('  ', 20))).toEqual([]);
  });

  it('finds as a word is being typed, from its first letters (not from its middle)', () => {
    const { search } = storeWith(PRODUCTS);
    expect(ids(search('ro', 20))).toEqual(['p-2', 'p-3']); // robe, rond
    expect(ids(search('rob', 20))).toEqual(['p-2']);
    expect(ids(search('cuir sa', 20))).toEqual(['p-1']);
    expect(ids(search('shi', 20))).toEqual(['p-3']); // "T-shirt" is "t" and "shirt"
    expect(ids(search('pack', 20))).toEqual([]); // inside "Backpack": not a word's start
  });

  it("finds a barcode's product, keeps to the limit in id order, and reads no query syntax", () => {
    const { search } = storeWith(PRODUCTS);
    expect(ids(search(PRODUCTS[2]!.gtin!, 20))).toEqual(['p-3']);
    // "Sac à dos" is more about "sac" than the longer "Sac seau en cuir" (bm25).
    expect(search('sac', 20).map((p) => p.id)).toEqual(['p-4', 'p-1']);
    expect(search('sac', 1).map((p) => p.id)).toEqual(['p-4']);
    // FTS5 operators and quotes are words or separators here, never syntax.
    for (const query of ['sac"', 'sac*', '-sac', '(sac', 'sac^', '{sac}'])
      expect(ids(search(query, 20)), query).toEqual(['p-1', 'p-4']);
    for (const query of ['sac OR robe', 'NOT sac', 'sac AND', 'brand:albane', 'NEAR(sac robe)'])
      expect(ids(search(query, 20)), query).toEqual([]);
  });

  it('follows every write: a renamed product, a deleted one, one written twice', () => {
    const { search, catalogue, docs } = storeWith(PRODUCTS);
    catalogue.upsertProduct({ ...PRODUCTS[0]!, name: { fr: 'Cabas en toile', en: 'Canvas tote' } });
    expect(ids(search('seau', 20))).toEqual([]);
    expect(ids(search('cabas', 20))).toEqual(['p-1']);
    catalogue.upsertProduct(PRODUCTS[3]!);
    catalogue.upsertProduct(PRODUCTS[3]!);
    expect(ids(search('dos', 20))).toEqual(['p-4']);
    docs.write([{ c: 'products', id: 'p-4', deleted: true }]);
    expect(ids(search('albane', 20))).toEqual(['p-1']);
    docs.write([{ c: 'products', id: 'p-4', body: PRODUCTS[3] }]);
    expect(ids(search('albane', 20))).toEqual(['p-1', 'p-4']);
  });
});

describe('the product words index on upgrade', () => {
  it('indexes the catalogue a store already has when the migration runs', () => {
    const { db, docs, dataDir } = storeWith(PRODUCTS.slice(0, 2));
    // The database as a server before migration 103 left it, with a product written since.
    db.exec(`
      DROP TRIGGER product_words_insert;
      DROP TRIGGER product_words_update;
      DROP TRIGGER product_words_delete;
      DROP TABLE product_words;
      DELETE FROM schema_migrations WHERE id = '103-product-words';
    `);
    docs.write([{ c: 'products', id: 'p-3', body: PRODUCTS[2] }]);
    db.close();

    const upgraded: Db = openDatabase(dataDir);
    const applied = upgraded.prepare('SELECT id FROM schema_migrations').pluck().all();
    expect(applied).toContain('103-product-words');
    const search = productSearch(upgraded, new CatalogueStore(upgraded, new DocStore(upgraded)));
    expect(ids(search('sac', 20))).toEqual(['p-1']);
    expect(ids(search('ete', 20))).toEqual(['p-2']);
    expect(ids(search('shirt', 20))).toEqual(['p-3']);
    upgraded.close();
  });
});
