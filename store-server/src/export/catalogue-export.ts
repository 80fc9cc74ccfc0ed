// The store's current catalogue as feed files (issue 15): products, local
// inventory and food, in TSV, CSV or RSS XML, streamed a page of products at a
// time from the documents devices read. The rows are the demo's (feed-rows.ts),
// the inverse of the importer, so an export imported into an empty store gives
// back the same products and stock (docs/decisions/15-export.md).
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
import type { CatalogueStore } from '../catalogue/catalogue-store';
import { LocalPrices } from '../catalogue/local-prices';
import type { Db } from '../db/database';
import { demoImageLink } from '../demo/image-links';
import type { DocStore } from '../sync/doc-store';
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

/** One feed of the catalogue as it is now, as a stream of its text. */
export function catalogueFeed(parts: ExportParts, kind: FeedKind, format: FeedFormat): Readable {
  // A delimited feed's header repeats product_detail as often as the product with the most facts.
  const details =
    kind === 'products'
      ? ((parts.db
          .prepare(
            `SELECT max(json_array_length(body, '$.attributes')) FROM sync_docs
             WHERE collection = 'products' AND deleted = 0`,
          )
          .pluck()
          .get() as number | null) ?? 0)
      : 0;
  const header = headerOf(FEED_HEADERS[kind], { product_detail: details });
  return feedStream(rowsOf(parts, kind), format, { header, title: `Vitrine catalogue: ${kind}` });
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
