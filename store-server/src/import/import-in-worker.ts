// Runs one import in a worker thread (import-worker.ts) and follows it from
// the server's thread: progress, the write gate around the apply, the commit
// to announce, and how long the server's own event loop was held meanwhile.
import { createRequire } from 'node:module';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { CommittedChange } from '../sync/doc-store';
import type { ImportOutcome, ImportProgress, ImportRequest } from './import-catalogue';
import type { WriteGate } from './write-gate';

export type ImportWorkerData = {
  /** The store's data folder: the worker opens its own connection to the database there. */
  dataDir: string;
  /** Whether feeds may name images by file path (the image cache's own setting). */
  imageFilesAllowed: boolean;
  request: ImportRequest;
};

export type FromWorker =
  | { type: 'progress'; progress: ImportProgress }
  /** About to open the write transaction: the server holds its writes back, then answers 'go'. */
  | { type: 'applying' }
  | { type: 'committed'; change: CommittedChange }
  | { type: 'done'; outcome: ImportOutcome }
  | { type: 'failed'; message: string };

/** The worker's heap ceiling: it holds a page of products and the feed's GTINs, not the feed. */
const WORKER_HEAP_MB = 256;
/** How finely the event loop's delay is sampled, in ms. */
const LOOP_RESOLUTION_MS = 10;

/** The import was stopped before its commit (the server stopping): nothing of it was applied. */
export class ImportStopped extends Error {
  constructor() {
    super('the server stopped before the import was applied: nothing of it was');
  }
}

export type WorkerImport = ImportOutcome & {
  /** The longest the server's event loop waited during each phase, in ms. */
  loopStalls: Record<string, number>;
};

/** The worker's entry: the server runs TypeScript through tsx, and so does the worker. */
function workerSource(): string {
  // Its ES module, beside the CommonJS one `require` finds (that one cannot register in a worker).
  const tsx = createRequire(import.meta.url)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs');
  const entry = new URL('./import-worker.ts', import.meta.url).href;
  return `import(${JSON.stringify(tsx)})
    .then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
}

export function importInWorker(
  data: ImportWorkerData,
  hooks: {
    onProgress: (progress: ImportProgress) => void;
    /** Holds the server's writes back while the worker's transaction runs. */
    gate?: WriteGate;
    /** The committed change, to announce to devices from the server's thread. */
    afterCommit: (change: CommittedChange) => void;
    /** Stops the import if it has not committed yet (its transaction rolls back with the thread). */
    signal?: AbortSignal;
  },
): Promise<WorkerImport> {
  const loop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  loop.enable();
  const loopStalls: Record<string, number> = {};
  let phase = 'start';
  const enter = (next: string) => {
    if (next === phase) return;
    loopStalls[phase] = Math.max(loopStalls[phase] ?? 0, Math.round(loop.max / 1e6));
    loop.reset();
    phase = next;
  };
  const worker = new Worker(workerSource(), {
    eval: true,
    workerData: data,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });
  let committed = false;
  let stopped = false;
  hooks.signal?.addEventListener('abort', () => {
    if (committed) return; // applied: let it finish its report
    stopped = true;
    void worker.terminate();
  });
  return new Promise<WorkerImport>((resolve, reject) => {
    let settled: { outcome: ImportOutcome } | { error: Error } | undefined;
    worker.on('message', (message: FromWorker) => {
      switch (message.type) {
        case 'progress':
          enter(
            message.progress.phase === 'reading'
              ? `stage:${message.progress.kind}`
              : message.progress.phase === 'building'
                ? 'build'
                : 'apply',
          );
          hooks.onProgress(message.progress);
          return;
        case 'applying':
          enter('apply');
          hooks.gate?.hold();
          worker.postMessage({ type: 'go' });
          return;
        case 'committed':
          committed = true;
          enter('commit');
          hooks.gate?.release();
          hooks.afterCommit(message.change);
          return;
        case 'done':
          settled = { outcome: message.outcome };
          return;
        case 'failed':
          settled = { error: new Error(message.message) };
          return;
      }
    });
    worker.on('error', (error) => (settled ??= { error }));
    worker.once('exit', (code) => {
      // A worker that died mid-apply rolled its transaction back: the server's writes go on.
      hooks.gate?.release();
      enter('end');
      loop.disable();
      if (settled && 'outcome' in settled) resolve({ ...settled.outcome, loopStalls });
      else if (stopped) reject(new ImportStopped());
      else reject(settled?.error ?? new Error(`the import's worker stopped (exit code ${code})`));
    });
  });
}
