// The replicator in a dedicated Web Worker: the change feed's pages are
// fetched, read (JSON, zod) and written (Dexie bulkPut) here, off the page's
// thread, so a scan's keys and answer, and the screen, never wait behind a
// first copy. The page's live queries see each commit (Dexie broadcasts every
// committed write to the origin's other contexts).
import { DeviceDb } from '../device-db';
import { Replicator } from '../replicator';
import { ToReplicationWorker, type FromReplicationWorker } from './replication-protocol';

let started: Promise<Replicator> | undefined;

const post = (message: FromReplicationWorker) => self.postMessage(message);

async function start(options: Extract<ToReplicationWorker, { type: 'start' }>) {
  const db = new DeviceDb(options.dbName);
  await db.open();
  const replicator = new Replicator({
    db,
    baseUrl: options.baseUrl,
    credential: options.credential,
    offPage: true,
  });
  await replicator.init();
  replicator.subscribe((state) => post({ type: 'state', state }));
  return replicator;
}

function answer(id: number, work: Promise<void>): void {
  work.then(
    () => post({ type: 'done', id }),
    (error: unknown) =>
      post({ type: 'done', id, error: error instanceof Error ? error.message : String(error) }),
  );
}

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  const parsed = ToReplicationWorker.safeParse(event.data);
  if (!parsed.success) return;
  const message = parsed.data;
  if (message.type === 'start') {
    started ??= start(message);
    started.then(
      () => post({ type: 'started' }),
      (error: unknown) => post({ type: 'started', error: String(error) }),
    );
    return;
  }
  if (!started) {
    post({ type: 'done', id: message.id, error: 'replication worker not started' });
    return;
  }
  const ready = started;
  if (message.type === 'pull')
    answer(
      message.id,
      ready.then((r) => r.pull()),
    );
  else if (message.type === 'message')
    answer(
      message.id,
      ready.then((r) => r.handleMessage(message.message)),
    );
  else
    answer(
      message.id,
      ready.then((r) => r.reset()),
    );
});
