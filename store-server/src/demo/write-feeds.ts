// The demo store as the feed files a retailer would send: a product feed, a
// local inventory feed (each store's quantities and aisles), a food feed and
// the chain's stores file,
// in TSV by default or CSV or RSS XML. The demo is seeded by importing these
// (seed/demo-seed.ts), so it enters the store through the importer like any
// chain's catalogue.
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FeedKind, Location, Product, ProductStock } from '@vitrine/shared/core';
import {
  FEED_HEADERS,
  foodRow,
  inventoryRows,
  productRows,
  storeRow,
  type FeedRow,
  type RowOptions,
} from '../export/feed-rows';
import { feedStream, headerOf, type FeedFormat } from '../export/feed-writer';
import { demoImageLink } from './image-links';

export type FeedFiles = Record<FeedKind, string>;

type Catalogue = {
  products: readonly Product[];
  stock: readonly ProductStock[];
  locations: readonly Location[];
};

/** Writes one catalogue's four feeds into `dir`; the files' paths by kind. */
async function writeCatalogueFeeds(
  catalogue: Catalogue,
  dir: string,
  options: RowOptions & { format?: FeedFormat; title: string },
): Promise<FeedFiles> {
  const format = options.format ?? 'tsv';
  await mkdir(dir, { recursive: true });
  const details = Math.max(0, ...catalogue.products.map((p) => p.attributes.length));
  const feeds: Record<FeedKind, { rows: Iterable<FeedRow> }> = {
    products: { rows: catalogue.products.flatMap((product) => productRows(product, options)) },
    inventory: { rows: catalogue.stock.flatMap((stock) => inventoryRows(stock, options.currency)) },
    food: {
      rows: catalogue.products.flatMap((product): FeedRow[] => {
        const row = foodRow(product);
        return row ? [row] : [];
      }),
    },
    stores: { rows: catalogue.locations.map(storeRow) },
  };
  const files = {} as FeedFiles;
  for (const [kind, { rows }] of Object.entries(feeds) as [FeedKind, (typeof feeds)[FeedKind]][]) {
    const path = join(dir, `${kind}.${format}`);
    const header = headerOf(FEED_HEADERS[kind], { product_detail: details });
    await pipeline(
      feedStream(rows, format, { header, title: `${options.title}: ${kind}` }),
      createWriteStream(path),
    );
    files[kind] = path;
  }
  return files;
}

/** The demo's feeds: its pictures under the demo origin, prices in euros. */
export function writeDemoFeeds(
  store: Catalogue,
  dir: string,
  format: FeedFormat = 'tsv',
): Promise<FeedFiles> {
  return writeCatalogueFeeds(store, dir, {
    format,
    currency: 'EUR',
    imageLink: demoImageLink,
    title: 'Vitrine demo',
  });
}
