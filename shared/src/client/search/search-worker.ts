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

/** Products read and indexed per task: the worker answers searches between two (see build). */
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

/**
 * Reads the copy a page of products at a time (by id), with their stock, and
 * indexes each page in its own task. Reading the whole copy at once (every
 * product, then every stock record of every store) was one long task of
 * deserialising in this worker: seconds at 20k products, while a shopper's
 * search or department chip waited behind it.
 */
async function build(): Promise<void> {
  if (!db) return;
  const started = performance.now();
  const total = await db.products.count();
  const next = createCatalogueIndex();
  const prefixes = new Set<string>();
  const prices: number[] = [];
  let after: string | undefined;
  for (;;) {
    const products = await (
      after === undefined ? db.products.orderBy(':id') : db.products.where(':id').above(after)
    )
      .limit(CHUNK)
      .toArray();
    if (products.length === 0) break;
    after = products.at(-1)!.id;
    const stock = await db.stock.bulkGet(products.map((product) => product.id));
    const docs = products.map((product, i) => searchDocOf(product, stock[i], storeId));
    next.addAll(docs);
    for (const prefix of twoLetterPrefixes(docs)) prefixes.add(prefix);
    for (const product of products) prices.push(product.priceCents);
    status({ state: 'building', indexed: next.documentCount, total });
    // Yield between chunks so search requests are answered from the old index meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  const nextBands = priceBandsOf(prices);
  const nextAnswers = new AnswerCache();
  let warmed = 0;
  // The empty box (the whole catalogue, ~20 ms at 20k) and each department's chip on it:
  // over the whole catalogue these are the costliest answers (every product is a hit).
  const whole = searchCatalogue(next, { query: '' }, nextBands);
  nextAnswers.set({ query: '' }, whole);
  for (const { department } of whole.facets.departments) {
    nextAnswers.set(
      { query: '', department },
      searchCatalogue(next, { query: '', department }, nextBands),
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  // Every two-letter prefix.
  for (const query of prefixes) {
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
