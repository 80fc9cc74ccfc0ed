// The catalogue store on real SQLite: variant ids are unique across an
// import, a product without any GTIN is searchable but not scannable, and
// stock is set by variant id or by a variant's GTIN.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeGtin13, type Product } from '@vitrine/shared/core';
import { openDatabase, type Db } from '../db/database';
import { productSearch } from '../staff/product-search';
import { DocStore } from '../sync/doc-store';
import { CatalogueStore } from './catalogue-store';

const gtin = (n: number) => `0${makeGtin13(`376410000${String(n).padStart(3, '0')}`)}`;
const product = (id: string, variants: Product['variants']): Product => ({
  id,
  name: { fr: id, en: id },
  brand: '',
  department: 'electronics',
  categoryPath: [{ fr: 'Câbles', en: 'Cables' }],
  description: { fr: '', en: '' },
  priceCents: 990,
  images: [],
  tags: [],
  variants,
  complementary: [],
  attributes: [],
});

let db: Db | undefined;
afterEach(() => db?.close());

function open() {
  db = openDatabase(mkdtempSync(join(tmpdir(), 'vitrine-catalogue-')));
  const docs = new DocStore(db);
  return { docs, catalogue: new CatalogueStore(db, docs) };
}

describe('catalogue store', () => {
  it('refuses an import where two products share a variant id, and writes nothing', () => {
    const { docs, catalogue } = open();
    expect(() =>
      catalogue.import({
        products: [
          product('cable-a', [{ id: 'SKU-1', gtin: gtin(1) }]),
          product('cable-b', [{ id: 'SKU-1', gtin: gtin(2) }]),
        ],
      }),
    ).toThrow(/SKU-1 is on products cable-a and cable-b/);
    expect(docs.head()).toBe(0);
    expect(catalogue.productByCode(gtin(1))).toBeUndefined();
  });

  it('scans only what has a GTIN, and sets stock by variant id or by a GTIN', () => {
    const { catalogue } = open();
    catalogue.import({
      locations: [{ id: 'here', name: 'Here', city: 'Lyon', kind: 'store' }],
      products: [
        product('screws', [{ id: 'SCREW-4x40' }]),
        product('cable', [
          { id: 'CABLE-1M', gtin: gtin(3), size: '1 m' },
          { id: 'CABLE-2M', gtin: gtin(4), size: '2 m' },
        ]),
      ],
    });
    // No GTIN: staff find it by its name, no code finds it.
    expect(productSearch(db!, catalogue)('screws', 5).map((p) => p.id)).toEqual(['screws']);
    expect(catalogue.productByCode(gtin(4).slice(1))?.id).toBe('cable');
    expect(catalogue.variantOf('cable', { gtin: gtin(4).slice(1) })?.id).toBe('CABLE-2M');
    expect(catalogue.variantOf('cable', { variantId: 'CABLE-1M' })?.gtin).toBe(gtin(3));
    expect(catalogue.variantOf('cable', { variantId: 'SCREW-4x40' })).toBeUndefined();
    expect(catalogue.variantOf('screws', { variantId: 'SCREW-4x40' })?.gtin).toBeUndefined();
    catalogue.setStock('screws', 'here', 'SCREW-4x40', 250, '12 · B');
    catalogue.setStock('cable', 'here', 'CABLE-2M', 3);
    expect(catalogue.stockOf('screws')?.levels).toEqual([
      { locationId: 'here', quantities: { 'SCREW-4x40': 250 }, aisle: '12 · B' },
    ]);
    expect(catalogue.stockOf('cable')?.levels[0]?.quantities).toEqual({ 'CABLE-2M': 3 });
  });
});
