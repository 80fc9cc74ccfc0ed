// Keeps the search index over the device's copy: one build when the worker
// opens, then only the products a write changed. Before, the whole index was
// rebuilt 3 s after every sync (21–24 s at 20k products under load, and at 100k
// the build never finished: it restarted after each sync of the first copy).
import type { DeviceDb, StoredProduct } from '../device-db';
import type { ProductStock } from '../../core';
import { AnswerCache } from './answer-cache';
import {
  createCatalogueIndex,
  searchCatalogue,
  searchDocOf,
  type CatalogueIndex,
  type PriceBand,
  type SearchDoc,
  type SearchRequest,
  type SearchResponse,
} from './catalogue-index';
import { priceBandsOf } from './price-bands';
import type { IndexStatus } from './search-protocol';

/** Products read and indexed per task: searches are answered between two. */
const CHUNK = 1_000;
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Which products a write touched: their ids, or 'all' when it does not say (a big batch, a clear). */
export type Changed = ReadonlySet<string> | 'all';

export class CatalogueIndexer {
  readonly index: CatalogueIndex = createCatalogueIndex();
  private bands: PriceBand[] = [];
  private answers = new AnswerCache();
  /** Per product: a hash of its search document, to tell a rewrite that changed nothing. */
  private readonly hashes = new Map<string, number>();
  private pending = new Set<string>();
  private rescan = false;
  private running: Promise<void> | undefined;
  private built = false;
  private lastScan = { at: 0, ms: 0 };
  private buildMs = 0;
  /** Documents (re)indexed since the first build: a test and the status read it. */
  reindexed = 0;

  constructor(
    private readonly db: DeviceDb,
    private readonly storeId: string,
    private readonly report: (status: IndexStatus) => void,
  ) {}

  /** The first build: the index answers from the part read so far meanwhile. */
  open(): Promise<void> {
    this.rescan = true;
    return this.work();
  }

  /** Products written (or deleted) in the copy: only they are read and indexed again. */
  changed(changed: Changed): Promise<void> {
    if (changed === 'all') this.rescan = true;
    else for (const id of changed) this.pending.add(id);
    return this.work();
  }

  search(request: SearchRequest): SearchResponse {
    const cached = this.answers.get(request);
    if (cached) return cached;
    const response = searchCatalogue(this.index, request, this.bands);
    this.answers.set(request, response);
    return response;
  }

  /** One pass at a time; what arrives meanwhile is done in the next. */
  private work(): Promise<void> {
    this.running ??= (async () => {
      try {
        while (this.rescan || this.pending.size > 0) {
          const full = this.rescan;
          if (full && this.built) await this.sinceLastScan();
          const started = performance.now();
          const ids = [...this.pending];
          this.rescan = false;
          this.pending = new Set();
          const changed = full ? await this.scan() : await this.update(ids);
          if (full) this.lastScan = { at: performance.now(), ms: performance.now() - started };
          if (changed > 0 || !this.built) this.refreshAnswers();
          const ms = performance.now() - started;
          if (full) this.buildMs = ms;
          this.built = true;
          this.report({
            state: 'ready',
            documents: this.index.documentCount,
            buildMs: this.buildMs,
            reindexed: this.reindexed,
            updateMs: ms,
          });
          await this.warm();
        }
      } catch (error) {
        this.report({ state: 'failed', error: String(error) });
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  /**
   * A whole-copy scan waits twice its last duration after the last one: a
   * first copy writes big batches (whose ids Dexie does not report) all along,
   * and back-to-back scans would take a core from it.
   */
  private async sinceLastScan(): Promise<void> {
    const wait = this.lastScan.at + 2 * this.lastScan.ms - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }

  /** Reads the given products and their stock; returns how many documents changed. */
  private async update(ids: readonly string[]): Promise<number> {
    let changed = 0;
    for (let start = 0; start < ids.length; start += CHUNK) {
      const chunk = ids.slice(start, start + CHUNK);
      const [products, stock] = await Promise.all([
        this.db.products.bulkGet(chunk),
        this.db.stock.bulkGet(chunk),
      ]);
      chunk.forEach((id, i) => {
        const product = products[i];
        if (product) changed += this.put(product, stock[i]);
        else if (this.index.has(id)) {
          this.index.discard(id);
          this.hashes.delete(id);
          changed++;
        }
      });
      await nextTask();
    }
    return changed;
  }

  /**
   * Reads the whole copy a page of products at a time (by id), with their
   * stock, and indexes what differs; what is no longer there goes. Reading the
   * whole copy at once was one long task of deserialising in this worker.
   */
  private async scan(): Promise<number> {
    const total = await this.db.products.count();
    const seen = new Set<string>();
    let changed = 0;
    let after: string | undefined;
    for (;;) {
      const products = await (
        after === undefined
          ? this.db.products.orderBy(':id')
          : this.db.products.where(':id').above(after)
      )
        .limit(CHUNK)
        .toArray();
      if (products.length === 0) break;
      after = products.at(-1)!.id;
      const stock = await this.db.stock.bulkGet(products.map((product) => product.id));
      products.forEach((product, i) => {
        seen.add(product.id);
        changed += this.put(product, stock[i]);
      });
      if (!this.built) {
        this.bands = priceBandsOf(this.index.prices());
        this.answers = new AnswerCache();
        this.report({ state: 'building', indexed: this.index.documentCount, total });
      }
      await nextTask();
    }
    for (const id of [...this.hashes.keys()])
      if (!seen.has(id)) {
        this.index.discard(id);
        this.hashes.delete(id);
        changed++;
      }
    return changed;
  }

  /** Indexes a product unless its document is the one indexed; 1 when it was (re)indexed. */
  private put(product: StoredProduct, stock: ProductStock | undefined): number {
    const doc = searchDocOf(product, stock, this.storeId);
    const hash = hashOf(doc);
    if (this.hashes.get(product.id) === hash && this.index.has(product.id)) return 0;
    this.index.add(doc);
    this.hashes.set(product.id, hash);
    if (this.built) this.reindexed++;
    return 1;
  }

  private refreshAnswers(): void {
    this.bands = priceBandsOf(this.index.prices());
    this.answers = new AnswerCache();
  }

  /**
   * Answers the empty box, each department's chip on it and every two-letter
   * prefix in the background, a search a task: these are the costliest (every
   * product a hit; "ch" 31,576 of 100k).
   */
  private async warm(): Promise<void> {
    const whole = this.search({ query: '' });
    const requests: SearchRequest[] = [
      ...whole.facets.departments.map(({ department }) => ({ query: '', department })),
      ...[...this.index.twoLetterPrefixes()].map((query) => ({ query })),
    ];
    for (const request of requests) {
      await nextTask();
      // A change came: the index is updated first, then warmed again.
      if (this.rescan || this.pending.size > 0) return;
      this.search(request);
    }
  }
}

/** FNV-1a over the document's JSON: the same document, the same number. */
function hashOf(doc: SearchDoc): number {
  const text = JSON.stringify(doc);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
