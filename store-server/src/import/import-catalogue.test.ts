// A catalogue import from feed files into a real store database: what lands,
// what a second run changes (nothing), what full and incremental imports
// withdraw, and what a refused import leaves (everything as it was).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  catalogueImageUrl,
  collectionSchemas,
  DEFAULT_IMPORT_POLICY,
  type Product,
  type ProductStock,
} from '@vitrine/shared/core';
import { CatalogueStore } from '../catalogue/catalogue-store';
import { openDatabase, type Db } from '../db/database';
import { ImageStore } from '../images/image-store';
import { productSearch } from '../staff/product-search';
import { DocStore } from '../sync/doc-store';
import { fixture } from './feed-test-support';
import { importCatalogue, type ImportRequest } from './import-catalogue';

const HEADER =
  'id\titem_group_id\ttitle\ttitle@en\tprice\tgtin\tsize\tbrand\tproduct_type\timage_link';
const LINES = [
  'HAM-1\t\tMarteau 500 g\tHammer 500 g\t19.90 EUR\t3017620422003\t\tOutilo\tBricolage > Outils à main\thttps://cdn.example.test/ham.jpg',
  'GLV-S\tGLV\tGants de jardin\tGarden gloves\t7.50 EUR\t\tS\tVerdo\tJardin > Protection\t',
  'GLV-M\tGLV\tGants de jardin\tGarden gloves\t7.50 EUR\t\tM\tVerdo\tJardin > Protection\t',
  'GLV-XL\tGLV\tGants de jardin\tGarden gloves\t8.90 EUR\t\tXL\tVerdo\tJardin > Protection\t',
  'SAW 2/B\t\tScie égoïne\tHand saw\t24.00 EUR\t\t\tOutilo\tBricolage > Outils à main\t',
];
const STOCK =
  'store_code\tid\tquantity\tinstore_product_location\nPAR-01\tHAM-1\t12\tA4\nPAR-01\tGLV-M\t0\tJ1\nLYO-02\tGLV-M\t5\t\nPAR-01\tSAW 2/B\t3\tA4\n';

let dir: string;
let db: Db;
let docs: DocStore;
let catalogue: CatalogueStore;
let images: ImageStore;

function feed(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function run(files: ImportRequest['files'], mode: ImportRequest['mode'] = 'full', extra = {}) {
  return importCatalogue(
    {
      db,
      docs,
      catalogue,
      images: { keyOf: (url) => images.keyOf(url), want: (urls) => images.want(urls) },
      imageUrl: (key, width) => catalogueImageUrl('', key, width),
    },
    {
      files,
      mode,
      language: 'fr',
      policy: DEFAULT_IMPORT_POLICY,
      currency: 'EUR',
      timeZone: 'Europe/Paris',
      workDir: join(dir, 'job'),
      ...extra,
    },
  );
}

const product = (id: string) => docs.get<Product>('products', id);
const stock = (id: string) => docs.get<ProductStock>('stock', id);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vitrine-import-'));
  db = openDatabase(dir);
  docs = new DocStore(db);
  catalogue = new CatalogueStore(db, docs);
  images = new ImageStore(db, dir, false);
});

describe('importing a catalogue', () => {
  it('makes products of groups, stock of the inventory, and every document reads on a screen', async () => {
    const outcome = await run({
      products: feed('products.tsv', [HEADER, ...LINES].join('\n')),
      inventory: feed('stock.tsv', STOCK),
    });
    expect(outcome).toMatchObject({ state: 'applied', totalEntries: 2 });
    expect(outcome.written).toEqual([
      { c: 'locations', written: 2, withdrawn: 0 },
      { c: 'products', written: 3, withdrawn: 0 },
      { c: 'stock', written: 3, withdrawn: 0 },
    ]);
    const gloves = product('GLV')!;
    expect(gloves).toMatchObject({
      name: { fr: 'Gants de jardin', en: 'Garden gloves' },
      department: 'jardin',
      priceCents: 750,
    });
    expect(gloves.variants).toEqual([
      { id: 'GLV-S', size: 'S' },
      { id: 'GLV-M', size: 'M' },
      { id: 'GLV-XL', size: 'XL', priceCents: 890 },
    ]);
    expect(stock('GLV')!.levels).toEqual([
      { locationId: 'LYO-02', quantities: { 'GLV-M': 5 } },
      { locationId: 'PAR-01', quantities: { 'GLV-M': 0 }, aisle: 'J1' },
    ]);
    // An id with a space and a slash still keys stock, escaped.
    expect(stock('SAW 2/B')!.levels[0]!.quantities).toEqual({ '0~~SAW~202~2FB': 3 });
    expect(catalogue.productByCode('3017620422003')?.id).toBe('HAM-1');
    expect(product('HAM-1')!.images).toEqual([
      expect.stringMatching(/^\/api\/v1\/catalogue\/images\/[0-9a-f]{32}\/480$/),
    ]);
    expect(images.counts().pending).toBe(1);
    // The staff console's search finds imported names (its index follows sync_docs).
    expect(productSearch(db, catalogue)('marteau', 5).map((hit) => hit.id)).toEqual(['HAM-1']);
    for (const c of ['products', 'stock', 'locations'] as const) {
      for (const body of docs.all(c))
        expect(collectionSchemas[c].safeParse(body).success).toBe(true);
    }
    // The unknown stores became locations under their codes, with a warning each.
    expect(outcome.firstEntries.map((entry) => entry.problem)).toEqual([
      expect.stringContaining('store LYO-02 was not known'),
      expect.stringContaining('store PAR-01 was not known'),
    ]);
  });

  it('writes nothing when the same feeds come again, and one atomic batch when a price changes', async () => {
    const products = feed('products.tsv', [HEADER, ...LINES].join('\n'));
    const inventory = feed('stock.tsv', STOCK);
    await run({ products, inventory });
    const head = docs.head();
    const again = await run({ products, inventory });
    expect(again.written).toEqual([]);
    expect(docs.head()).toBe(head);

    feed('products.tsv', [HEADER, ...LINES].join('\n').replace('19.90 EUR', '17.90 EUR'));
    const cheaper = await run({ products, inventory }, 'incremental');
    expect(cheaper.written).toEqual([{ c: 'products', written: 1, withdrawn: 0 }]);
    expect(product('HAM-1')!.priceCents).toBe(1790);
    expect(docs.head()).toBe(head + 1);
  });

  it('withdraws what a full feed lacks (its code no longer scans), and an incremental one never', async () => {
    await run({
      products: feed('products.tsv', [HEADER, ...LINES].join('\n')),
      inventory: feed('stock.tsv', STOCK),
    });
    const withoutHammer = feed('less.tsv', [HEADER, ...LINES.slice(1)].join('\n'));
    await run({ products: withoutHammer }, 'incremental');
    expect(product('HAM-1')).toBeDefined();
    const full = await run({ products: withoutHammer }, 'full');
    expect(full.written).toContainEqual({ c: 'products', written: 0, withdrawn: 1 });
    expect(product('HAM-1')).toBeUndefined();
    expect(stock('HAM-1')).toBeUndefined();
    expect(catalogue.productByCode('3017620422003')).toBeUndefined();
    // The gloves' stock, not in this feed, stays as it was.
    expect(stock('GLV')!.levels).toHaveLength(2);
  });

  it('updates only the stock an incremental inventory names', async () => {
    await run({
      products: feed('products.tsv', [HEADER, ...LINES].join('\n')),
      inventory: feed('stock.tsv', STOCK),
    });
    const outcome = await run(
      {
        inventory: feed(
          'delta.tsv',
          'store_code\tid\tquantity\nLYO-02\tGLV-S\t7\nLYO-02\tNOPE\t1\n',
        ),
      },
      'incremental',
      { policy: { maxBadLinePercent: 50 } },
    );
    expect(outcome.written).toEqual([{ c: 'stock', written: 1, withdrawn: 0 }]);
    expect(stock('GLV')!.levels).toEqual([
      { locationId: 'LYO-02', quantities: { 'GLV-S': 7, 'GLV-M': 5 } },
      { locationId: 'PAR-01', quantities: { 'GLV-M': 0 }, aisle: 'J1' },
    ]);
    expect(outcome.firstEntries).toContainEqual(
      expect.objectContaining({
        line: 3,
        problem: 'no product has item NOPE: its stock is left out',
      }),
    );
  });

  it('changes nothing when the policy refuses the feed, or the file is not a feed', async () => {
    await run({ products: feed('products.tsv', [HEADER, ...LINES].join('\n')) });
    const head = docs.head();
    // The fixture inventory has 3 bad lines of 6: above the 5 % allowed.
    const refused = await run({ inventory: fixture('inventory.tsv') }, 'incremental');
    expect(refused).toMatchObject({ state: 'refused', written: [] });
    expect(refused.reason).toMatch(/3 of 6 lines refused/);
    const page = await run({ products: fixture('products-error-page.tsv') });
    expect(page.state).toBe('refused');
    expect(docs.head()).toBe(head);
  });

  it('takes the reader fixtures whole: groups, food facts and stock from three files', async () => {
    const outcome = await run(
      {
        products: fixture('products.tsv'),
        food: fixture('food.tsv'),
        inventory: fixture('inventory.tsv'),
      },
      'full',
      { policy: { maxBadLinePercent: 60 } },
    );
    expect(outcome.state).toBe('applied');
    expect(product('SHOE-1')!.variants.map((variant) => variant.id)).toEqual([
      'SHOE-1-38',
      'SHOE-1-39',
    ]);
    expect(product('SHOE-1')!.categoryPath[0]).toEqual({ fr: 'Mode', en: 'Fashion' });
    expect(stock('PAN-1')!.levels).toContainEqual({
      locationId: 'LYO-02',
      quantities: { 'PAN-1': 12 },
      aisle: 'B12',
    });
    const cheese = product('CHEESE-1');
    if (cheese) expect(cheese.food?.allergens).toEqual(['en:milk']);
  });
});
