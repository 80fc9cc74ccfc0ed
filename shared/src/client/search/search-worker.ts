// Builds and serves the catalogue index in a Web Worker: reading 20k products
// from IndexedDB and indexing them never blocks the UI thread, and the index
// is rebuilt in the background after a sync, replacing the old one only when done.
import type MiniSearch from 'minisearch';
import { DeviceDb } from '../device-db';
import {
  createCatalogueIndex,
  searchCatalogue,
  searchDocOf,
  type SearchDoc,
} from './catalogue-index';
import { ToWorker, type FromWorker, type IndexStatus } from './search-protocol';

const CHUNK = 1_000;
let db: DeviceDb | undefined;
let storeId = '';
let index: MiniSearch<SearchDoc> | undefined;
let building: Promise<void> | undefined;
let rebuildAgain = false;

const post = (message: FromWorker) => self.postMessage(message);
const status = (value: IndexStatus) => post({ type: 'status', status: value });

async function build(): Promise<void> {
  if (!db) return;
  const started = performance.now();
  const [products, stock] = await Promise.all([db.products.toArray(), db.stock.toArray()]);
  const stockById = new Map(stock.map((doc) => [doc.id, doc]));
  const next = createCatalogueIndex();
  for (let start = 0; start < products.length; start += CHUNK) {
    next.addAll(
      products
        .slice(start, start + CHUNK)
        .map((product) => searchDocOf(product, stockById.get(product.id), storeId)),
    );
    status({
      state: 'building',
      indexed: Math.min(products.length, start + CHUNK),
      total: products.length,
    });
    // Yield between chunks so search requests are answered from the old index meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  index = next;
  status({ state: 'ready', documents: next.documentCount, buildMs: performance.now() - started });
}

function rebuild(): void {
  if (building) {
    rebuildAgain = true;
    return;
  }
  building = build()
    .catch((error: unknown) => status({ state: 'failed', error: String(error) }))
    .finally(() => {
      building = undefined;
      if (rebuildAgain) {
        rebuildAgain = false;
        rebuild();
      }
    });
}

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  const parsed = ToWorker.safeParse(event.data);
  if (!parsed.success) return;
  const message = parsed.data;
  if (message.type === 'open') {
    db = new DeviceDb(message.dbName);
    storeId = message.storeId;
    rebuild();
  } else if (message.type === 'rebuild') {
    rebuild();
  } else {
    const started = performance.now();
    const response = index
      ? searchCatalogue(index, message.request)
      : {
          total: 0,
          hits: [],
          facets: {
            brands: [],
            priceBands: { 'under-10': 0, '10-50': 0, '50-200': 0, 'over-200': 0 },
            inStockHere: 0,
          },
        };
    post({ type: 'results', id: message.id, searchMs: performance.now() - started, response });
  }
});
