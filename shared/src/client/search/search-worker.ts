// Builds and serves the catalogue index in a Web Worker: reading 20k products
// from IndexedDB and indexing them never blocks the UI thread, and the index
// is rebuilt in the background after a sync, replacing the old one only when done.
import type MiniSearch from 'minisearch';
import { DeviceDb } from '../device-db';
import { AnswerCache, twoLetterPrefixes } from './answer-cache';
import {
  createCatalogueIndex,
  searchCatalogue,
  searchDocOf,
  type PriceBand,
  type SearchDoc,
  type SearchRequest,
  type SearchResponse,
} from './catalogue-index';
import { priceBandsOf } from './price-bands';
import { ToWorker, type FromWorker, type IndexStatus } from './search-protocol';

const CHUNK = 1_000;
/** Two-letter answers computed between yields (~0.5–10 ms each). */
const WARM_CHUNK = 10;
let db: DeviceDb | undefined;
let storeId = '';
let index: MiniSearch<SearchDoc> | undefined;
let bands: PriceBand[] = [];
let answers = new AnswerCache();
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
  const prefixes = new Set<string>();
  for (let start = 0; start < products.length; start += CHUNK) {
    const docs = products
      .slice(start, start + CHUNK)
      .map((product) => searchDocOf(product, stockById.get(product.id), storeId));
    next.addAll(docs);
    for (const prefix of twoLetterPrefixes(docs)) prefixes.add(prefix);
    status({
      state: 'building',
      indexed: Math.min(products.length, start + CHUNK),
      total: products.length,
    });
    // Yield between chunks so search requests are answered from the old index meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  const nextBands = priceBandsOf(products.map((product) => product.priceCents));
  const nextAnswers = new AnswerCache();
  let warmed = 0;
  // The empty box (the whole catalogue, ~20 ms) and every two-letter prefix.
  for (const query of ['', ...prefixes]) {
    nextAnswers.set({ query }, searchCatalogue(next, { query }, nextBands));
    if (++warmed % WARM_CHUNK === 0) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  index = next;
  bands = nextBands;
  answers = nextAnswers;
  status({ state: 'ready', documents: next.documentCount, buildMs: performance.now() - started });
}

const EMPTY: SearchResponse = {
  total: 0,
  hits: [],
  facets: {
    brands: [],
    departments: [],
    priceBands: [],
    inStockHere: 0,
  },
};

/** From the cache when asked before (a shopper retyping, every two-letter prefix). */
function answer(current: MiniSearch<SearchDoc>, request: SearchRequest): SearchResponse {
  const cached = answers.get(request);
  if (cached) return cached;
  const response = searchCatalogue(current, request, bands);
  answers.set(request, response);
  return response;
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
    const response = index ? answer(index, message.request) : EMPTY;
    post({ type: 'results', id: message.id, searchMs: performance.now() - started, response });
  }
});
