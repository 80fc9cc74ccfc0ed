// The import's worker thread (import-in-worker.ts starts it): reading and
// typing the feeds, staging, building and the apply transaction all run here,
// on the worker's own connection to the store's database, so the server's
// event loop keeps answering scans. Before its write transaction the worker
// asks the server to hold its own writes back (write-gate.ts) and waits for
// the word; after the commit it hands the change over to be announced.
import { parentPort, workerData } from 'node:worker_threads';
import { catalogueImageUrl } from '@vitrine/shared/core';
import { CatalogueStore } from '../catalogue/catalogue-store';
import { openDatabaseAsIs } from '../db/database';
import { withDemoImages } from '../demo/image-links';
import { ImageStore } from '../images/image-store';
import { DocStore } from '../sync/doc-store';
import { importCatalogue } from './import-catalogue';
import type { FromWorker, ImportWorkerData } from './import-in-worker';

/** How long the apply waits for a write of the server's own that is under way (they are short). */
const WRITE_LOCK_WAIT_MS = 60_000;

const port = parentPort!;
const data = workerData as ImportWorkerData;
const send = (message: FromWorker) => port.postMessage(message);

let allowWrites: (() => void) | undefined;
port.on('message', (message: { type: 'go' }) => {
  if (message.type === 'go') allowWrites?.();
});

const db = openDatabaseAsIs(data.dataDir);
try {
  db.pragma(`busy_timeout = ${WRITE_LOCK_WAIT_MS}`);
  const docs = new DocStore(db);
  const images = new ImageStore(db, data.dataDir, data.imageFilesAllowed);
  const outcome = await importCatalogue(
    {
      db,
      docs,
      catalogue: new CatalogueStore(db, docs),
      // The demo's feeds name its drawn pictures: those stay at /media/products (15-demo.md).
      ...withDemoImages({
        images: { keyOf: (url) => images.keyOf(url), want: (urls) => images.want(urls) },
        imageUrl: (key, width) => catalogueImageUrl('', key, width),
      }),
    },
    data.request,
    (progress) => send({ type: 'progress', progress }),
    {
      beforeApply: () =>
        new Promise<void>((resolve) => {
          allowWrites = resolve;
          send({ type: 'applying' });
        }),
      afterCommit: (change) => send({ type: 'committed', change }),
    },
  );
  send({ type: 'done', outcome });
} catch (error) {
  send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
} finally {
  db.close();
  port.close();
}
