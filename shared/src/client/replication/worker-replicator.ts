// The page's handle on the replication worker (replication-worker.ts): the
// same surface as the in-page Replicator, so the MQTT link, the screens and
// the scan path do not know where the copy is written. A scan's server
// question stays on the page (one small request, answered while the worker
// is busy with a page of the copy).
import { deviceBearer, type DeviceCredential, type SyncMessage } from '../../core';
import { CHECKPOINT_KEY, FILLED_KEY, type DeviceDb } from '../device-db';
import {
  initialReplicatorState,
  productAtServer,
  Replicator,
  type DeviceReplicator,
  type ReplicatorState,
  type ServerProduct,
} from '../replicator';
import { FromReplicationWorker, type ToReplicationWorker } from './replication-protocol';

type Question = { ask: ToReplicationWorker; resolve: () => void; reject: (error: Error) => void };

export class WorkerReplicator implements DeviceReplicator {
  private readonly worker: Worker;
  private state: ReplicatorState = initialReplicatorState();
  private readonly listeners = new Set<(state: ReplicatorState) => void>();
  private readonly waiting = new Map<number, Question>();
  private nextId = 1;
  private started = false;
  /** Replicates on the page when the worker could not start (its script, IndexedDB in it). */
  private inPage: Promise<Replicator> | undefined;

  constructor(
    private readonly options: {
      db: DeviceDb;
      dbName: string;
      baseUrl: string;
      credential: DeviceCredential;
    },
  ) {
    this.worker = new Worker(new URL('./replication-worker.ts', import.meta.url), {
      type: 'module',
      name: 'replication',
    });
    this.worker.addEventListener('message', (event: MessageEvent<unknown>) => {
      const parsed = FromReplicationWorker.safeParse(event.data);
      if (parsed.success) this.receive(parsed.data);
    });
    this.worker.addEventListener('error', (event) => {
      if (!this.started) this.fallBack(event.message || 'worker script error');
    });
  }

  /**
   * Reads the copy's checkpoint on the page and starts the worker without
   * waiting for it (its script and its own database connection take a moment
   * that a first screen need not wait for): questions wait in its queue.
   */
  async init(): Promise<void> {
    const { db, dbName, baseUrl, credential } = this.options;
    const checkpoint = (await db.getMeta<number>(CHECKPOINT_KEY)) ?? 0;
    const filled = (await db.getMeta<boolean>(FILLED_KEY)) === true;
    this.setState({ ...this.state, checkpoint, head: checkpoint, filled });
    this.worker.postMessage({
      type: 'start',
      dbName,
      baseUrl,
      credential,
    } satisfies ToReplicationWorker);
  }

  get current(): ReplicatorState {
    return this.state;
  }

  subscribe(listener: (state: ReplicatorState) => void): () => void {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }

  pull(): Promise<void> {
    return this.ask((id) => ({ type: 'pull', id }));
  }

  handleMessage(message: SyncMessage): Promise<void> {
    return this.ask((id) => ({ type: 'message', id, message }));
  }

  reset(): Promise<void> {
    return this.ask((id) => ({ type: 'reset', id }));
  }

  productAtServer(code: string): Promise<ServerProduct | undefined> {
    const { baseUrl, credential } = this.options;
    return productAtServer({ baseUrl, authorization: () => deviceBearer(credential) }, code);
  }

  /** Ends the worker; a write it had begun is rolled back with its checkpoint. */
  stop(): void {
    this.worker.terminate();
    this.started = true; // no fallback after a stop
    const error = new Error('replication stopped');
    for (const question of this.waiting.values()) question.reject(error);
    this.waiting.clear();
  }

  private ask(question: (id: number) => ToReplicationWorker): Promise<void> {
    if (this.inPage) return this.inPage.then((replicator) => runInPage(replicator, question(0)));
    const id = this.nextId++;
    const ask = question(id);
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { ask, resolve, reject });
      this.worker.postMessage(ask);
    });
  }

  private setState(state: ReplicatorState): void {
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }

  private receive(message: FromReplicationWorker): void {
    if (message.type === 'state') {
      if (!this.inPage) this.setState(message.state);
    } else if (message.type === 'started') {
      if (message.error) this.fallBack(message.error);
      else this.started = true;
    } else {
      const question = this.waiting.get(message.id);
      this.waiting.delete(message.id);
      if (message.error) question?.reject(new Error(message.error));
      else question?.resolve();
    }
  }

  /** The worker could not start: the page replicates, and the questions asked meanwhile go to it. */
  private fallBack(reason: string): void {
    if (this.inPage || this.started) return;
    console.warn(`replication worker did not start (${reason}); replicating on the page`);
    this.worker.terminate();
    const { db, baseUrl, credential } = this.options;
    const replicator = new Replicator({ db, baseUrl, credential });
    this.inPage = replicator.init().then(() => {
      replicator.subscribe((state) => this.setState(state));
      return replicator;
    });
    const pending = [...this.waiting.values()];
    this.waiting.clear();
    for (const question of pending)
      void this.inPage
        .then((inPage) => runInPage(inPage, question.ask))
        .then(question.resolve, question.reject);
  }
}

function runInPage(replicator: Replicator, ask: ToReplicationWorker): Promise<void> {
  if (ask.type === 'pull') return replicator.pull();
  if (ask.type === 'message') return replicator.handleMessage(ask.message);
  if (ask.type === 'reset') return replicator.reset();
  return Promise.resolve();
}
