// The page's handle on the search worker: ask, get the answer to the latest
// question only, and watch the index being built (and kept up to date: the
// worker hears of every write to the copy itself).
import type { SearchRequest, SearchResponse } from './search-types';
import { FromWorker, type IndexStatus } from './search-protocol';

export type SearchAnswer = SearchResponse & { searchMs: number };

export class CatalogueSearch {
  private readonly worker = new Worker(new URL('./search-worker.ts', import.meta.url), {
    type: 'module',
  });
  private nextId = 1;
  private readonly waiting = new Map<number, (answer: SearchAnswer | undefined) => void>();
  private readonly listeners = new Set<(status: IndexStatus) => void>();
  status: IndexStatus = { state: 'building', indexed: 0, total: 0 };

  constructor(dbName: string, storeId: string) {
    this.worker.addEventListener('message', (event: MessageEvent<unknown>) => {
      const parsed = FromWorker.safeParse(event.data);
      if (!parsed.success) return;
      const message = parsed.data;
      if (message.type === 'status') {
        this.status = message.status;
        for (const listener of this.listeners) listener(message.status);
        return;
      }
      const resolve = this.waiting.get(message.id);
      this.waiting.delete(message.id);
      resolve?.({ ...message.response, searchMs: message.searchMs });
    });
    this.worker.postMessage({ type: 'open', dbName, storeId });
  }

  /** Resolves with the answer, or undefined when a newer search superseded it. */
  search(request: SearchRequest): Promise<SearchAnswer | undefined> {
    const id = this.nextId++;
    for (const [older, resolve] of this.waiting) {
      this.waiting.delete(older);
      resolve(undefined);
    }
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.worker.postMessage({ type: 'search', id, request });
    });
  }

  onStatus(listener: (status: IndexStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    this.worker.terminate();
    this.listeners.clear();
  }
}
