// Keeps the local copy up to date. Catch-up by pull: pages of the change feed
// since the checkpoint, each written with its new checkpoint in one bulk
// transaction. Live by push: chained change messages applied directly; a gap,
// a poke or a reconnect means pull (docs/protocol.md).
import {
  ApiCallError,
  type ApiTransport,
  apiRoutes,
  callRoute,
  collectionSchemas,
  decideSync,
  deviceBearer,
  type CollectionName,
  type DeviceCredential,
  scanCodesOf,
  type Product,
  type ProductStock,
  type SyncDoc,
  type SyncMessage,
} from '../core';
import {
  CHECKPOINT_KEY as CHECKPOINT,
  FILLED_KEY as FILLED,
  type DeviceDb,
  type StoredProduct,
} from './device-db';

export type ReplicatorState = {
  phase: 'idle' | 'pulling' | 'error';
  checkpoint: number;
  head: number;
  lastError: string | null;
  invalidDocs: number;
  /** The copy has been caught up with the server at least once since it was (re)started empty. */
  filled: boolean;
  /** Where the time of pulls went since start (ms), to profile a first copy. */
  timings: CopyTimings;
};

export type CopyTimings = {
  pages: number;
  docs: number;
  /** Waiting for a page of the change feed (server, network, JSON). */
  waitMs: number;
  /** Reading each document with its schema. */
  parseMs: number;
  /** IndexedDB transactions (Dexie bulkPut, the structured clone, the commit). */
  writeMs: number;
};

/**
 * What a screen and the MQTT link need of the replicator: the in-page
 * `Replicator` (Node devices, tests) and the Web Worker one (a browser page,
 * `replication/worker-replicator.ts`) both are one.
 */
export interface DeviceReplicator {
  readonly current: ReplicatorState;
  subscribe(listener: (state: ReplicatorState) => void): () => void;
  pull(): Promise<void>;
  handleMessage(message: SyncMessage): Promise<void>;
  productAtServer(code: string): Promise<ServerProduct | undefined>;
  reset(): Promise<void>;
}

export type ServerProduct = { product: StoredProduct; stock: ProductStock | undefined };

/** Complete: filled once and nothing known to be missing. Until then a scan may ask the server. */
export function isCopyComplete(state: ReplicatorState): boolean {
  return state.filled && state.checkpoint >= state.head;
}

/** How much of the copy is in, 0–100 (by revision: a rough share, for a calm hint). */
export function copyFillPercent(state: ReplicatorState): number {
  if (isCopyComplete(state)) return 100;
  if (state.head <= 0) return 0;
  return Math.min(99, Math.floor((state.checkpoint / state.head) * 100));
}

/** A scan waits this long for the store server before it says "unknown" (a shopper is waiting). */
const SERVER_LOOKUP_TIMEOUT_MS = 3_000;

/** Most documents of an atomic batch a device holds in memory before writing (≈ 20–40 MB). */
const MAX_STAGED_DOCS = 20_000;
/** Documents per transaction while a first copy fills (see writeDocs). */
const FILL_CHUNK = 500;
/** Documents per pulled page while a first copy fills (see defaultPageSize). */
const FILL_PAGE_SIZE = 1_000;
/** The same off the page's thread: nothing to keep responsive, so fewer round trips. */
const OFF_PAGE_FILL_PAGE_SIZE = 2_000;

/** Lets the page handle input and other reads between two writes (a macrotask, not a microtask). */
const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export type ReplicatorOptions = {
  db: DeviceDb;
  baseUrl: string;
  credential: DeviceCredential;
  pageSize?: number;
  fetch?: typeof fetch;
  /**
   * Off the page's thread (a Web Worker): a first copy is pulled in bigger
   * pages and written a page per transaction, without yielding to a page that
   * is not there.
   */
  offPage?: boolean;
};

/** A replicator's state before its first pull (the same on the page and in the worker). */
export function initialReplicatorState(): ReplicatorState {
  return {
    phase: 'idle',
    checkpoint: 0,
    head: 0,
    lastError: null,
    invalidDocs: 0,
    filled: false,
    timings: { pages: 0, docs: 0, waitMs: 0, parseMs: 0, writeMs: 0 },
  };
}

export class Replicator implements DeviceReplicator {
  private state: ReplicatorState = initialReplicatorState();
  private readonly listeners = new Set<(state: ReplicatorState) => void>();
  private pulling: Promise<void> | null = null;
  private pullAgain = false;
  /** Serialises local writes so a live message never races a page. */
  private writeChain: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: ReplicatorOptions) {}

  async init(): Promise<void> {
    const checkpoint = (await this.options.db.getMeta<number>(CHECKPOINT)) ?? 0;
    const filled = (await this.options.db.getMeta<boolean>(FILLED)) === true;
    this.update({ checkpoint, head: Math.max(this.state.head, checkpoint), filled });
  }

  get current(): ReplicatorState {
    return this.state;
  }

  subscribe(listener: (state: ReplicatorState) => void): () => void {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }

  private update(patch: Partial<ReplicatorState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener(this.state);
  }

  /** Pulls until caught up. Concurrent calls share one pull, plus one more if asked meanwhile. */
  pull(): Promise<void> {
    if (this.pulling) {
      this.pullAgain = true;
      return this.pulling;
    }
    this.pulling = (async () => {
      try {
        do {
          this.pullAgain = false;
          await this.pullUntilCaughtUp();
        } while (this.pullAgain);
        this.update({ phase: 'idle', lastError: null });
      } catch (error) {
        this.update({ phase: 'error', lastError: (error as Error).message });
        throw error;
      } finally {
        this.pulling = null;
      }
    })();
    return this.pulling;
  }

  private transport() {
    return {
      baseUrl: this.options.baseUrl,
      authorization: () => deviceBearer(this.options.credential),
      fetch: this.options.fetch,
    };
  }

  /** The store server's answer for a code the copy lacks (see `productAtServer` below). */
  productAtServer(code: string): Promise<ServerProduct | undefined> {
    return productAtServer(this.transport(), code);
  }

  private async pullUntilCaughtUp(): Promise<void> {
    const transport = this.transport();
    this.update({ phase: 'pulling' });
    // Pages of an atomic batch are held (`staged`) and written with the page that ends it.
    let since = this.state.checkpoint;
    let cursor = since;
    let staged: SyncDoc[] = [];
    const fetchPage = (from: number) =>
      callRoute(transport, apiRoutes.sync.pull, {
        query: { since: from, limit: this.options.pageSize ?? this.defaultPageSize() },
      });
    // The next page is asked for while this one is written: the server reads and
    // sends it meanwhile (a first copy of a big store is hundreds of pages).
    let next: { from: number; page: ReturnType<typeof fetchPage> } | undefined;
    for (;;) {
      const asked = performance.now();
      const page = await (next?.from === cursor ? next.page : fetchPage(cursor));
      this.time({ pages: 1, docs: page.docs.length, waitMs: performance.now() - asked });
      next = undefined;
      if (page.head < cursor) {
        // The server's database is older than our copy (restored): start over.
        await this.reset();
        since = cursor = 0;
        staged = [];
        continue;
      }
      for (const doc of page.docs) staged.push(doc);
      cursor = page.until;
      if (page.docs.length > 0 && page.until < page.head) {
        next = { from: cursor, page: fetchPage(cursor) };
        // Awaited (and its error thrown) when used; dropped if the checkpoint moved.
        next.page.catch(() => undefined);
      }
      const insideBatch = page.atomicUntil !== undefined && page.until < page.atomicUntil;
      // Past the cap a batch is written page by page (a first copy of a huge catalogue).
      if (!insideBatch || page.docs.length === 0 || staged.length >= MAX_STAGED_DOCS) {
        const written = await this.applyPage(since, staged, cursor);
        // A live message moved the checkpoint meanwhile: go on from where it is.
        since = cursor = written ? cursor : this.state.checkpoint;
        staged = [];
      }
      this.update({ head: page.head });
      if (page.docs.length === 0 || page.until >= page.head) {
        if (!this.state.filled && this.state.checkpoint >= page.head) await this.markFilled();
        return;
      }
    }
  }

  /**
   * Smaller pages while a first copy fills on the page's thread: parsing a
   * page is one task there, and a 5,000-document page held a scan's keys for
   * seconds. Off the page (a worker) nothing waits on that task.
   */
  private defaultPageSize(): number {
    return this.state.filled
      ? 5_000
      : this.options.offPage
        ? OFF_PAGE_FILL_PAGE_SIZE
        : FILL_PAGE_SIZE;
  }

  private time(add: Partial<CopyTimings>): void {
    const timings = { ...this.state.timings };
    for (const [key, value] of Object.entries(add) as [keyof CopyTimings, number][])
      timings[key] += value;
    this.state = { ...this.state, timings };
  }

  /** Handles a live message from the sync topic. */
  async handleMessage(message: SyncMessage): Promise<void> {
    const decision = decideSync(this.state.checkpoint, message);
    if (message.type === 'poke') this.update({ head: Math.max(this.state.head, message.rev) });
    if (decision === 'pull') {
      await this.pull();
    } else if (decision === 'apply' && message.type === 'changes') {
      // Re-check inside the write chain: a page may have moved the checkpoint.
      await this.enqueueWrite(async () => {
        const again = decideSync(this.state.checkpoint, message);
        if (again === 'apply') await this.writeDocs(message.docs, message.toRev);
        else if (again === 'pull') void this.pull().catch(() => undefined);
      });
      this.update({ head: Math.max(this.state.head, message.toRev) });
    }
  }

  /** Writes pages only if nothing moved the checkpoint since they were asked for. */
  private applyPage(since: number, docs: SyncDoc[], until: number): Promise<boolean> {
    return this.enqueueWrite(async () => {
      if (this.state.checkpoint !== since) return false;
      await this.writeDocs(docs, until);
      return true;
    });
  }

  private async markFilled(): Promise<void> {
    await this.options.db.setMeta(FILLED, true);
    this.update({ filled: true });
    // Where a first copy's time went (read by the initial-sync bench from the console).
    if (!this.options.offPage) return;
    const { pages, docs, waitMs, parseMs, writeMs } = this.state.timings;
    const ms = (value: number) => Math.round(value);
    console.info(
      `replication: first copy, ${docs} documents in ${pages} pages: waiting ${ms(waitMs)} ms, ` +
        `parsing ${ms(parseMs)} ms, writing ${ms(writeMs)} ms`,
    );
  }

  private enqueueWrite<T>(write: () => Promise<T>): Promise<T> {
    const next = this.writeChain.then(write, write);
    this.writeChain = next.catch(() => undefined);
    return next;
  }

  /**
   * One transaction: every document of the pages, in bulk, and the checkpoint.
   * A first copy (nothing shown from it yet) is written in transactions of
   * FILL_CHUNK documents instead, yielding between them: one transaction of a
   * whole seeded catalogue held every read (the scanned product's page) and
   * the scanner's keys for seconds. The checkpoint moves with the last chunk,
   * so a copy cut short is pulled again from where it was. Off the page (a
   * worker) a page is one transaction: no key waits on it, and a scan's local
   * read races the store server while the copy fills.
   */
  private async writeDocs(docs: SyncDoc[], checkpoint: number): Promise<void> {
    const latest = [...latestOfEach(docs)];
    const whole = this.state.filled || this.options.offPage;
    const chunk = whole ? Math.max(latest.length, 1) : FILL_CHUNK;
    let invalid = 0;
    let start = 0;
    do {
      const last = start + chunk >= latest.length;
      invalid += await this.writePart(latest.slice(start, start + chunk), last ? checkpoint : null);
      start += chunk;
      if (!last) await yieldToPage();
    } while (start < latest.length);
    this.update({ checkpoint, invalidDocs: this.state.invalidDocs + invalid });
  }

  /** Writes documents in one transaction, with the checkpoint when given; returns how many it skipped. */
  private async writePart(docs: readonly SyncDoc[], checkpoint: number | null): Promise<number> {
    const { db } = this.options;
    const parsing = performance.now();
    const puts = new Map<CollectionName, unknown[]>();
    const deletes = new Map<CollectionName, string[]>();
    let invalid = 0;
    for (const doc of docs) {
      if (doc.del) {
        deletes.set(doc.c, [...(deletes.get(doc.c) ?? []), doc.id]);
        continue;
      }
      const parsed = collectionSchemas[doc.c].safeParse(doc.body);
      if (!parsed.success || parsed.data.id !== doc.id) {
        invalid++; // a document this version cannot read is skipped, never half-stored
        continue;
      }
      const list = puts.get(doc.c) ?? [];
      list.push(doc.c === 'products' ? withCodes(parsed.data as Product) : parsed.data);
      puts.set(doc.c, list);
    }
    const tables = db.syncedTables();
    const writing = performance.now();
    await db.transaction('rw', [...Object.values(tables), db.meta], async () => {
      for (const [c, rows] of puts) await tables[c]!.bulkPut(rows);
      for (const [c, ids] of deletes) await tables[c]!.bulkDelete(ids);
      if (checkpoint !== null) await db.meta.put({ key: CHECKPOINT, value: checkpoint });
    });
    this.time({ parseMs: writing - parsing, writeMs: performance.now() - writing });
    return invalid;
  }

  /** Drops the local copy (a broken or outdated database) and pulls from zero. */
  async reset(): Promise<void> {
    const { db } = this.options;
    const tables = Object.values(db.syncedTables());
    await db.transaction('rw', [...tables, db.meta], async () => {
      for (const table of tables) await table.clear();
      await db.meta.put({ key: CHECKPOINT, value: 0 });
      await db.meta.put({ key: FILLED, value: false });
    });
    this.update({ checkpoint: 0, filled: false });
  }
}

/**
 * The store server's answer for a code the copy lacks (while it fills: a
 * kiosk on a big store answers scans before its copy is in). Undefined
 * when the server knows no such code; throws when it cannot be reached.
 */
export async function productAtServer(
  transport: ApiTransport,
  code: string,
): Promise<ServerProduct | undefined> {
  try {
    const answer = await callRoute(
      transport,
      apiRoutes.stock.byCode,
      { params: { code } },
      { signal: AbortSignal.timeout(SERVER_LOOKUP_TIMEOUT_MS) },
    );
    return { product: withCodes(answer.product), stock: answer.stock ?? undefined };
  } catch (error) {
    if (error instanceof ApiCallError && error.status === 404) return undefined;
    throw error;
  }
}

function withCodes(product: Product): StoredProduct {
  return { ...product, codes: scanCodesOf(product) };
}

/** Pages held together may carry a document twice (rewritten meanwhile): its last revision wins. */
function latestOfEach(docs: SyncDoc[]): Iterable<SyncDoc> {
  const latest = new Map<string, SyncDoc>();
  for (const doc of docs) {
    const key = `${doc.c}\u0000${doc.id}`;
    latest.delete(key); // re-inserted last, so the order of revisions is kept
    latest.set(key, doc);
  }
  return latest.values();
}
