// Builds and serves the catalogue index in a Web Worker: reading the copy from
// IndexedDB and indexing it never blocks the UI thread. After the first build
// only the products a write changed are indexed again (CatalogueIndexer), as
// Dexie reports every commit of the copy to this worker (changedProducts).
import Dexie from 'dexie';
import { DeviceDb } from '../device-db';
import { CatalogueIndexer } from './catalogue-indexer';
import type { SearchResponse } from './catalogue-index';
import { changedProducts } from './changed-products';
import { ToWorker, type FromWorker } from './search-protocol';

let indexer: CatalogueIndexer | undefined;
let dbName = '';

const post = (message: FromWorker) => self.postMessage(message);

const EMPTY: SearchResponse = {
  total: 0,
  hits: [],
  facets: { brands: [], departments: [], priceBands: [], inStockHere: 0 },
};

Dexie.on('storagemutated', (parts) => {
  const changed = indexer && changedProducts(parts, dbName);
  if (changed) void indexer!.changed(changed);
});

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  const parsed = ToWorker.safeParse(event.data);
  if (!parsed.success) return;
  const message = parsed.data;
  if (message.type === 'open') {
    if (indexer) return;
    dbName = message.dbName;
    indexer = new CatalogueIndexer(new DeviceDb(message.dbName), message.storeId, (status) =>
      post({ type: 'status', status }),
    );
    void indexer.open();
  } else {
    const started = performance.now();
    const response = indexer ? indexer.search(message.request) : EMPTY;
    post({ type: 'results', id: message.id, searchMs: performance.now() - started, response });
  }
});
