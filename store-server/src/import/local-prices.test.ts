// Each store's own prices from the local inventory feed, and the chain's
// stores file, imported into a real store database: this store's screens get
// its price in the product document, other stores' prices stay server-side
// (local_prices), and the export writes both back as the feeds they came from.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  catalogueImageUrl,
  DEFAULT_IMPORT_POLICY,
  type Location,
  type Product,
} from '@vitrine/shared/core';
import { CatalogueStore } from '../catalogue/catalogue-store';
import { LocalPrices } from '../catalogue/local-prices';
import { openDatabase, type Db } from '../db/database';
import { catalogueFeed } from '../export/catalogue-export';
import { ImageStore } from '../images/image-store';
import { DocStore } from '../sync/doc-store';
import { importCatalogue, type ImportRequest } from './import-catalogue';

const PRODUCTS = [
  'id\titem_group_id\ttitle\tprice\tsale_price\tsale_price_effective_date\tsize',
  'GLV-S\tGLV\tGants de jardin\t7.50 EUR\t\t\tS',
  'GLV-M\tGLV\tGants de jardin\t7.50 EUR\t\t\tM',
  'HAM-1\t\tMarteau\t19.90 EUR\t\t\t',
].join('\n');
// This store (PAR-01) sells the M gloves dearer; Lyon sells the hammer on sale in December.
const INVENTORY = [
  'store_code\tid\tquantity\tprice\tsale_price\tsale_price_effective_date',
  'PAR-01\tGLV-S\t4\t\t\t',
  'PAR-01\tGLV-M\t6\t8.20 EUR\t\t',
  'PAR-01\tHAM-1\t2\t19.90 EUR\t\t',
  'LYO-02\tHAM-1\t9\t\t15.00 EUR\t2026-12-01T00:00+01:00/2026-12-31T23:59+01:00',
  'LYO-02\tGLV-S\t1\t6.90 EUR\t\t',
].join('\n');

let dir: string;

type Store = { db: Db; docs: DocStore; catalogue: CatalogueStore; images: ImageStore };

function openStore(name: string): Store {
  const db = openDatabase(join(dir, name));
  const docs = new DocStore(db);
  return {
    db,
    docs,
    catalogue: new CatalogueStore(db, docs),
    images: new ImageStore(db, dir, false),
  };
}

function feed(name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, body);
  return path;
}

function run(
  store: Store,
  files: ImportRequest['files'],
  mode: ImportRequest['mode'] = 'full',
  extra: Partial<ImportRequest> = {},
) {
  return importCatalogue(
    {
      db: store.db,
      docs: store.docs,
      catalogue: store.catalogue,
      images: {
        keyOf: (url) => store.images.keyOf(url),
        want: (urls) => store.images.want(urls),
      },
      imageUrl: (key, width) => catalogueImageUrl('', key, width),
    },
    {
      files,
      mode,
      language: 'fr',
      policy: DEFAULT_IMPORT_POLICY,
      currency: 'EUR',
      timeZone: 'Europe/Paris',
      workDir: join(dir, `job-${Math.random()}`),
      storeId: 'PAR-01',
      ...extra,
    },
  );
}

let store: Store;
const product = (id: string) => store.docs.get<Product>('products', id)!;
const rowsOf = (id: string) =>
  new LocalPrices(store.db)
    .of(id)
    .map(({ locationId, variantId, local }) => ({ locationId, variantId, local }));

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vitrine-local-prices-'));
  store = openStore('store');
  const outcome = await run(store, {
    products: feed('products.tsv', PRODUCTS),
    inventory: feed('inventory.tsv', INVENTORY),
  });
  expect(outcome.state).toBe('applied');
});

describe("a store's own prices from the local inventory", () => {
  it("puts this store's price in the document its screens sync, and keeps the others on the server", () => {
    // The M gloves at 8,20 € here: the product is still "from 7,50 €", the M item carries its own.
    expect(product('GLV')).toMatchObject({ priceCents: 750 });
    expect(product('GLV').variants).toEqual([
      { id: 'GLV-S', size: 'S' },
      { id: 'GLV-M', size: 'M', priceCents: 820 },
    ]);
    // Lyon's sale and Lyon's gloves are not on this store's screens.
    expect(product('HAM-1').priceCents).toBe(1990);
    expect(product('HAM-1').sale).toBeUndefined();
    expect(rowsOf('GLV')).toEqual([
      { locationId: 'LYO-02', variantId: 'GLV-S', local: { priceCents: 690 } },
      { locationId: 'PAR-01', variantId: 'GLV-M', local: { priceCents: 820 } },
    ]);
    // A line at the chain's own price is no local price.
    expect(rowsOf('HAM-1')).toEqual([
      {
        locationId: 'LYO-02',
        variantId: 'HAM-1',
        local: {
          sale: {
            priceCents: 1500,
            startsAt: '2026-11-30T23:00:00.000Z',
            endsAt: '2026-12-31T22:59:00.000Z',
          },
        },
      },
    ]);
  });

  it('follows an inventory-only import: this store reprices its screens, another store only its row', async () => {
    const head = store.docs.head();
    const outcome = await run(
      store,
      {
        inventory: feed(
          'delta.tsv',
          'store_code\tid\tquantity\tprice\nPAR-01\tHAM-1\t2\t17.90 EUR\nLYO-02\tGLV-M\t3\t7.90 EUR\n',
        ),
      },
      'incremental',
    );
    expect(outcome.state).toBe('applied');
    expect(product('HAM-1').priceCents).toBe(1790);
    // Lyon's new price changes no document here but the hammer's and the gloves' stock.
    expect(product('GLV').variants[1]).toEqual({ id: 'GLV-M', size: 'M', priceCents: 820 });
    expect(rowsOf('GLV')).toContainEqual({
      locationId: 'LYO-02',
      variantId: 'GLV-M',
      local: { priceCents: 790 },
    });
    // The hammer's document (this store's price) and the gloves' stock (Lyon's new line), no more.
    expect(outcome.written).toEqual([
      { c: 'products', written: 1, withdrawn: 0 },
      { c: 'stock', written: 1, withdrawn: 0 },
    ]);
    expect(store.docs.head()).toBe(head + 2);
  });

  it("lets a full inventory give a store back the chain's price, and a new product feed move the chain's", async () => {
    // Paris's full inventory no longer prices the M gloves: the chain's 7,50 € again.
    await run(store, {
      inventory: feed('full.tsv', 'store_code\tid\tquantity\nPAR-01\tGLV-M\t6\nPAR-01\tGLV-S\t4\n'),
    });
    expect(product('GLV').variants).toEqual([
      { id: 'GLV-S', size: 'S' },
      { id: 'GLV-M', size: 'M' },
    ]);
    // Lyon's rows were not in this full inventory (it names only Paris): they stay.
    expect(rowsOf('GLV')).toEqual([
      { locationId: 'LYO-02', variantId: 'GLV-S', local: { priceCents: 690 } },
    ]);
    // The chain now sells the S gloves at 6,90 €: Lyon's price is the chain's, no row is left.
    await run(
      store,
      {
        products: feed(
          'cheaper.tsv',
          PRODUCTS.replace(
            'GLV-S\tGLV\tGants de jardin\t7.50',
            'GLV-S\tGLV\tGants de jardin\t6.90',
          ),
        ),
      },
      'incremental',
    );
    expect(product('GLV')).toMatchObject({ priceCents: 690 });
    expect(rowsOf('GLV')).toEqual([]);
  });
});

describe('the export of a store with local prices', () => {
  it('writes the chain price in the products feed and each store price in the inventory, which import back the same', async () => {
    const parts = { ...store, currency: 'EUR', storeId: 'PAR-01' };
    const products = await text(catalogueFeed(parts, 'products', 'tsv'));
    const inventory = await text(catalogueFeed(parts, 'inventory', 'tsv'));
    const exported = {
      products: feed('out-products.tsv', products),
      inventory: feed('out-inventory.tsv', inventory),
    };
    // The chain's 7,50 € for the M gloves, not this store's 8,20 €.
    expect(products).toMatch(/^GLV-M\tGLV\t.*\t7\.50 EUR\t/m);
    expect(inventory).toMatch(/^PAR-01\tGLV-M\t6\t\t8\.20 EUR\t/m);
    expect(inventory).toMatch(/^LYO-02\tHAM-1\t9\t\t\t15\.00 EUR\t2026-11-30T23:00:00\.000Z\//m);

    const copy = openStore('copy');
    store = copy;
    expect((await run(copy, exported)).state).toBe('applied');
    expect(product('GLV').variants[1]).toEqual({ id: 'GLV-M', size: 'M', priceCents: 820 });
    expect(rowsOf('GLV')).toEqual([
      { locationId: 'LYO-02', variantId: 'GLV-S', local: { priceCents: 690 } },
      { locationId: 'PAR-01', variantId: 'GLV-M', local: { priceCents: 820 } },
    ]);
    expect(rowsOf('HAM-1')).toHaveLength(1);
  });
});

describe('the stores file', () => {
  const STORES = [
    'store_code\tname\taddress\tcity\ttime_zone\tcurrency\tlatitude\tlongitude\tkind',
    'PAR-01\tParis Rivoli\t12 rue de Rivoli\tParis\tEurope/Paris\tEUR\t48.8559\t2.3584\t',
    'GVA-03\tGenève Praille\t\tGenève\tEurope/Zurich\tchf\t46,1833\t6,1290\t',
    'WEB\tBoutique en ligne\t\t\t\t\t\t\tonline',
    'BAD-9\tMauvais\t\t\tMars/Olympus\tEURO\t91\t2\tkiosque',
    '\tSans code\t\t\t\t\t\t\t',
  ].join('\n');

  it('makes each store a location with what its line says, warns on what it cannot use, and withdraws none', async () => {
    const stores = feed('stores.tsv', STORES);
    // 1 bad line of 5 is above the default policy: nothing changes.
    expect((await run(store, { stores })).state).toBe('refused');
    expect(store.docs.get('locations', 'WEB')).toBeUndefined();
    // Under a looser policy the good lines come in.
    const taken = await run(store, { stores }, 'full', { policy: { maxBadLinePercent: 50 } });
    expect(taken.state).toBe('applied');
    const location = (id: string) => store.docs.get<Location>('locations', id);
    expect(location('PAR-01')).toEqual({
      id: 'PAR-01',
      name: 'Paris Rivoli',
      city: 'Paris',
      kind: 'store',
      address: '12 rue de Rivoli',
      timeZone: 'Europe/Paris',
      currency: 'EUR',
      latitude: 48.8559,
      longitude: 2.3584,
    });
    expect(location('GVA-03')).toMatchObject({ currency: 'CHF', latitude: 46.1833 });
    expect(location('WEB')).toMatchObject({ kind: 'online', name: 'Boutique en ligne' });
    expect(location('BAD-9')).toEqual({ id: 'BAD-9', name: 'Mauvais', city: '', kind: 'store' });
    expect(
      taken.firstEntries.map(({ line, field, action }) => `${line} ${field} ${action}`),
    ).toEqual([
      '5 time_zone warning',
      '5 currency warning',
      '5 latitude warning',
      '5 kind warning',
      '6 store_code rejected',
    ]);
    // Lyon, known only from the inventory, is still a location: a stores file withdraws none.
    expect(location('LYO-02')).toMatchObject({ name: 'LYO-02' });
  });
});
