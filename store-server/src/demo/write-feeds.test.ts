// The demo's feeds read back by the importer: every format gives 0 refused
// lines and exactly the generated catalogue (products, stock and locations), so seeding
// the demo through the importer loses nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  catalogueImageUrl,
  DEFAULT_IMPORT_POLICY,
  type Location,
  type Product,
  type ProductStock,
} from '@vitrine/shared/core';
import { CatalogueStore } from '../catalogue/catalogue-store';
import { openDatabase } from '../db/database';
import { FEED_FORMATS } from '../export/feed-writer';
import { ImageStore } from '../images/image-store';
import { importCatalogue } from '../import/import-catalogue';
import { DocStore } from '../sync/doc-store';
import { withDemoImages } from './image-links';
import { writeDemoFeeds } from './write-feeds';
import { generateDemoStore } from '.';

const root = mkdtempSync(join(tmpdir(), 'vitrine-demo-feeds-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const demo = generateDemoStore({ scale: 300, now: new Date('2026-12-06T08:00:00Z') });

/** Levels in store order, as the import writes them. */
const sortedStock = (stock: ProductStock) => ({
  ...stock,
  levels: [...stock.levels].sort((a, b) => a.locationId.localeCompare(b.locationId)),
});

describe('the demo as feeds', () => {
  it.each(FEED_FORMATS)('%s: imported with 0 refused lines, the same catalogue', async (format) => {
    const dir = join(root, format);
    const files = await writeDemoFeeds(demo, join(dir, 'feeds'), format);
    const db = openDatabase(join(dir, 'data'));
    try {
      const docs = new DocStore(db);
      const catalogue = new CatalogueStore(db, docs);
      const images = new ImageStore(db, join(dir, 'data'), false);
      const outcome = await importCatalogue(
        {
          db,
          docs,
          catalogue,
          ...withDemoImages({
            images: { keyOf: (url) => images.keyOf(url), want: (urls) => images.want(urls) },
            imageUrl: (key, width) => catalogueImageUrl('', key, width),
          }),
        },
        {
          files,
          mode: 'full',
          language: 'fr',
          policy: DEFAULT_IMPORT_POLICY,
          currency: 'EUR',
          timeZone: 'Europe/Paris',
          workDir: join(dir, 'job'),
        },
      );
      expect(outcome.state).toBe('applied');
      expect(outcome.firstEntries).toEqual([]);
      for (const counts of Object.values(outcome.files)) expect(counts.rejected).toBe(0);
      const products = docs.all<Product>('products');
      expect(products.length).toBe(demo.products.length);
      const byId = new Map(products.map((product) => [product.id, product]));
      for (const product of demo.products) expect(byId.get(product.id)).toEqual(product);
      const stock = docs.all<ProductStock>('stock');
      expect(stock.length).toBe(demo.stock.length);
      const stockById = new Map(stock.map((record) => [record.id, record]));
      for (const record of demo.stock)
        expect(stockById.get(record.id)).toEqual(sortedStock(record));
      expect(images.counts().pending).toBe(0);
      // The stores file brings every location back, the web shop as one.
      const locations = docs.all<Location>('locations');
      expect(new Map(locations.map((l) => [l.id, l]))).toEqual(
        new Map(demo.locations.map((l) => [l.id, l])),
      );
    } finally {
      db.close();
    }
  });
});
