// The store's current catalogue as feed files (issue 15): products, local
// inventory and food, in TSV, CSV or RSS XML, streamed a page of products at a
// time from the documents devices read. The rows are the demo's (feed-rows.ts),
// the inverse of the importer, so an export imported into an empty store gives
// back the same products and stock (docs/decisions/15-export.md).
import Database from 'better-sqlite3';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  FEED_KINDS,
  repriceProduct,
  type FeedKind,
  type ItemPrice,
  type LocalPriceRow,
  type Location,
  type Product,
} from '@vitrine/shared/core';
import { CatalogueStore } from '../catalogue/catalogue-store';
import { LocalPrices } from '../catalogue/local-prices';
import type { Db } from '../db/database';
import { demoImageLink } from '../demo/image-links';
import { DocStore } from '../sync/doc-store';
import {
  FEED_HEADERS,
  foodRow,
  inventoryRows,
  productRows,
  storeRow,
  type FeedRow,
} from './feed-rows';
import { feedStream, headerOf, type FeedFormat } from './feed-writer';

export type ExportParts = {
  db: Db;
  docs: DocStore;
  catalogue: CatalogueStore;
  currency: string;
  /** This store's code: its product documents carry its own prices, the feed the chain's. */
  storeId: string;
};

/** A catalogue image's src (`…/catalogue/images/<key>/<width>`): its key. */
const CACHED_IMAGE = /\/catalogue\/images\/([0-9a-f]{32})\/\d+$/;

/** A screen's image src → the link a feed names it by: the demo's drawn ones, or the cached image's source URL. */
function imageLinks(db: Db): (src: string) => string | undefined {
  const urlOf = db.prepare('SELECT url FROM catalogue_images WHERE url_key = ?').pluck();
  return (src) => {
    const drawn = demoImageLink(src);
    if (drawn !== undefined) return drawn;
    const key = CACHED_IMAGE.exec(src)?.[1];
    return key === undefined ? undefined : (urlOf.get(key) as string | undefined);
  };
}

function* products(parts: ExportParts): Generator<Product> {
  for (const id of parts.catalogue.productIds()) {
    const product = parts.docs.get<Product>('products', id);
    if (product) yield product;
  }
}

/** The product at the chain's prices: where this store sells an item at its own, the row keeps the chain's. */
function atChainPrices(product: Product, rows: readonly LocalPriceRow[], storeId: string): Product {
  const chain = new Map<string, ItemPrice>();
  for (const row of rows) if (row.locationId === storeId) chain.set(row.variantId, row.chain);
  return chain.size === 0 ? product : repriceProduct(product, chain);
}

function* rowsOf(parts: ExportParts, kind: FeedKind): Generator<FeedRow> {
  if (kind === 'stores') {
    for (const location of parts.docs.all<Location>('locations')) yield storeRow(location);
    return;
  }
  const imageLink = imageLinks(parts.db);
  const localPrices = new LocalPrices(parts.db);
  const { currency, storeId } = parts;
  for (const product of products(parts)) {
    if (kind === 'products') {
      const chainProduct = atChainPrices(product, localPrices.of(product.id), storeId);
      yield* productRows(chainProduct, { currency, imageLink });
    } else if (kind === 'food') {
      const row = foodRow(product);
      if (row) yield row;
    } else {
      const stock = parts.catalogue.stockOf(product.id);
      if (!stock) continue;
      const rows = localPrices.of(product.id);
      const local = (locationId: string, variantId: string) =>
        rows.find((row) => row.locationId === locationId && row.variantId === variantId)?.local;
      yield* inventoryRows(stock, currency, local);
    }
  }
}

/**
 * The export's own read-only connection in one read transaction, so every page
 * comes from the same moment: an import applied while a 100k-product export
 * streams changes nothing in it (WAL lets the store write meanwhile).
 */
function snapshotOf(parts: ExportParts): { parts: ExportParts; close: () => void } {
  const db = new Database(parts.db.name, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  db.exec('BEGIN');
  const docs = new DocStore(db);
  const close = () => {
    if (!db.open) return;
    db.exec('COMMIT');
    db.close();
  };
  return { parts: { ...parts, db, docs, catalogue: new CatalogueStore(db, docs) }, close };
}

/** One feed of the catalogue as it is now, as a stream of its text. */
export function catalogueFeed(live: ExportParts, kind: FeedKind, format: FeedFormat): Readable {
  const { parts, close } = snapshotOf(live);
  try {
    // A delimited feed's header repeats product_detail as often as the product with the most facts.
    // (The first read: it fixes the snapshot.)
    const details =
      (parts.db
        .prepare(
          `SELECT max(json_array_length(body, '$.attributes')) FROM sync_docs
           WHERE collection = 'products' AND deleted = 0`,
        )
        .pluck()
        .get() as number | null) ?? 0;
    const header = headerOf(FEED_HEADERS[kind], {
      product_detail: kind === 'products' ? details : 0,
    });
    const stream = feedStream(rowsOf(parts, kind), format, {
      header,
      title: `Vitrine catalogue: ${kind}`,
    });
    return stream.once('close', close);
  } catch (error) {
    close();
    throw error;
  }
}

/** The file name an export downloads as, e.g. `products-2026-12-06.tsv`. */
export function exportFileName(kind: FeedKind, format: FeedFormat, now = new Date()): string {
  return `${kind}-${now.toISOString().slice(0, 10)}.${format}`;
}

export const EXPORT_TYPES: Record<FeedFormat, string> = {
  tsv: 'text/tab-separated-values',
  csv: 'text/csv',
  xml: 'application/rss+xml',
};

/** Writes the four feeds into `dir` (the offline CLI); their paths by kind. */
export async function writeCatalogueExport(
  parts: ExportParts,
  dir: string,
  format: FeedFormat,
): Promise<Record<FeedKind, string>> {
  await mkdir(dir, { recursive: true });
  const files = {} as Record<FeedKind, string>;
  for (const kind of FEED_KINDS) {
    files[kind] = join(dir, exportFileName(kind, format));
    await pipeline(catalogueFeed(parts, kind, format), createWriteStream(files[kind]));
  }
  return files;
}
