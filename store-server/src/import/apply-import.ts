// The built documents go into the store in one transaction, as one atomic
// batch devices apply all together (sync_batches): a kill before the commit
// leaves the old catalogue whole, a kill after it leaves the new one. Screens
// hear of it once, after the commit.
//
// A document written since the build read it (a staff stock correction
// meanwhile) is caught by its revision: a product is the feed's to say, so
// it is written as built; a stock record is merged again with the store's
// current one, so the correction of another store or item is kept.
import { writeFileSync } from 'node:fs';
import type { Product } from '@vitrine/shared/core';
import type { LocalPrices } from '../catalogue/local-prices';
import { parseRows } from '../catalogue/local-prices';
import type { CommittedChange, DocStore, DocWrite } from '../sync/doc-store';
import type { ImageService } from '../images/image-domain';
import type { Db } from '../db/database';
import type { StockRebuild } from './build-docs';
import type { Staging } from '@vitrine/shared/node';

const PAGE = 1_000;
/** The apply's page cache, in KiB as SQLite counts it (negative): 64 MB. */
const APPLY_CACHE_KIB = -64 * 1024;

/**
 * A test seam: with VITRINE_TEST_HOLD_APPLY set to a file path, the apply
 * writes that file once every document is written and waits, uncommitted, for
 * the test's SIGKILL (e2e/storage/import-killed.test.ts). Unset in production.
 */
function holdForKillTest(): void {
  const signal = process.env.VITRINE_TEST_HOLD_APPLY;
  if (!signal) return;
  writeFileSync(signal, String(process.pid));
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
}

/** Told of every product the import writes or withdraws, before the write. */
export type ProductWriteHook = (
  productId: string,
  before: () => Product | undefined,
  after: string | null,
) => void;

function* builtWrites(
  staging: Staging,
  docs: DocStore,
  rebuildStock: StockRebuild,
  onProduct: ProductWriteHook,
): Generator<DocWrite> {
  let after = 0;
  for (;;) {
    const page = staging.builtAfter(after, PAGE);
    if (page.length === 0) return;
    for (const doc of page) {
      let body = doc.body;
      const stored = docs.stored(doc.c, doc.id);
      if (doc.c === 'stock' && (stored?.rev ?? null) !== doc.baseRev && doc.body !== null) {
        body = rebuildStock(doc.id);
        if (body === null || body === stored?.body) continue;
      }
      if (doc.c === 'products')
        onProduct(doc.id, () => docs.get<Product>('products', doc.id), body);
      yield body === null
        ? { c: doc.c, id: doc.id, deleted: true }
        : { c: doc.c, id: doc.id, json: body };
    }
    after = page.at(-1)!.seq;
  }
}

/**
 * Writes the built documents and asks for their images, all in one
 * transaction with `alsoInside` (the job's own bookkeeping); then announces.
 */
export function applyImport(
  db: Db,
  parts: {
    docs: DocStore;
    images: Pick<ImageService, 'want'>;
    localPrices: LocalPrices;
    onProduct?: ProductWriteHook;
  },
  staging: Staging,
  rebuildStock: StockRebuild,
  alsoInside: (change: CommittedChange) => void = () => {},
  /** Filled with the time each step took, in ms (documents, local prices, images, commit, announce). */
  phases: Record<string, number> = {},
): CommittedChange {
  let at = performance.now();
  const lap = (phase: string) => {
    const now = performance.now();
    phases[phase] = Math.round(now - at);
    at = now;
  };
  // A larger page cache while 200,000 documents and their indexes are written (2 MB by default).
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = ${APPLY_CACHE_KIB}`);
  const change = db.transaction(() => {
    const onProduct = parts.onProduct ?? (() => {});
    const written = parts.docs.write(builtWrites(staging, parts.docs, rebuildStock, onProduct), {
      atomic: true,
      notify: false,
    });
    lap('apply');
    for (let after = ''; ;) {
      const page = staging.pricesAfter(after, PAGE);
      if (page.length === 0) break;
      for (const { productId, rows } of page) parts.localPrices.replace(productId, parseRows(rows));
      after = page.at(-1)!.productId;
    }
    lap('localPrices');
    let after = '';
    for (;;) {
      const urls = staging.imageUrlsAfter(after, PAGE);
      if (urls.length === 0) break;
      parts.images.want(urls);
      after = urls.at(-1)!;
    }
    lap('images');
    alsoInside(written);
    holdForKillTest();
    return written;
  });
  let committed: CommittedChange;
  try {
    committed = change.immediate();
  } finally {
    db.pragma(`cache_size = ${cacheSize}`);
  }
  lap('commit');
  parts.docs.announce(committed);
  lap('announce');
  return committed;
}
