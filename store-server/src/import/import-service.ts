// Catalogue imports as jobs: created, given their files, run one at a time,
// followed live, and remembered with their outcome and report. A job the
// server was running when it stopped is marked interrupted at the next start
// (nothing of it was applied: the apply is one transaction).
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEFAULT_IMPORT_POLICY,
  ImportPolicy,
  parseJson,
  type FeedKind,
  type ImportJob,
  type ImportOptions,
  type ReportLang,
} from '@vitrine/shared/core';
import { getMeta, setMeta, type Db } from '../db/database';
import { HttpError, type Logger } from '@vitrine/shared/node';
import type { ImageService } from '../images/image-domain';
import type { DocStore } from '../sync/doc-store';
import { frenchReportPath, type ImportProgress } from './import-catalogue';
import { importInWorker, ImportStopped } from './import-in-worker';
import type { WriteGate } from './write-gate';

/** Jobs kept with their folders (reports); older ones are forgotten. */
const KEPT_JOBS = 50;
/** How often a running job's progress reaches its followers. */
const PROGRESS_EVERY_MS = 250;
const POLICY_KEY = 'import_policy';

export type ImportServiceOptions = {
  db: Db;
  dataDir: string;
  /** Announces an import's committed change to devices (the import itself runs in a worker). */
  docs: Pick<DocStore, 'announce'>;
  /** The image cache, told after the commit that the import asked for images (absent offline). */
  images?: Pick<ImageService, 'want'>;
  /** Whether feeds may name images by file path (the image cache's setting). */
  imageFilesAllowed?: boolean;
  /** Holds the server's own writes back while the import's transaction runs. */
  gate?: WriteGate;
  currency: string;
  timeZone: string;
  /** This store's code (its own local inventory prices are the ones it shows). */
  storeId?: string;
  log: Logger;
};

type Listener = (job: ImportJob) => void;

export class ImportService {
  private readonly root: string;
  private readonly listeners = new Map<string, Set<Listener>>();
  private running: { id: string; done: Promise<void> } | undefined;
  /** The running job as it is now (its progress is told to followers, not saved at each step). */
  private live: ImportJob | undefined;
  private readonly stopping = new AbortController();

  constructor(private readonly options: ImportServiceOptions) {
    this.root = join(options.dataDir, 'import');
    mkdirSync(this.root, { recursive: true });
    for (const job of this.list(KEPT_JOBS * 2)) {
      if (job.state !== 'running') continue;
      // Stopped mid-way: its staging file is thrown away, the store kept its catalogue.
      rmSync(join(this.dirOf(job.id), 'staging.sqlite'), { force: true });
      this.save({ ...job, state: 'interrupted', progress: { phase: 'done' }, finishedAt: now() });
    }
  }

  private dirOf(id: string): string {
    return join(this.root, id);
  }

  private save(job: ImportJob): ImportJob {
    this.options.db
      .prepare(
        `INSERT INTO import_jobs (id, state, created_at, job) VALUES (?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET state = excluded.state, job = excluded.job`,
      )
      .run(job.id, job.state, job.createdAt, JSON.stringify(job));
    this.tell(job);
    return job;
  }

  private tell(job: ImportJob): void {
    for (const listener of this.listeners.get(job.id) ?? []) listener(job);
  }

  get(id: string): ImportJob {
    const text = this.options.db
      .prepare('SELECT job FROM import_jobs WHERE id = ?')
      .pluck()
      .get(id) as string | undefined;
    if (text === undefined) throw new HttpError(404, 'not_found', 'no such import');
    return this.liveOf(JSON.parse(text) as ImportJob);
  }

  list(limit = 20): ImportJob[] {
    return (
      this.options.db
        .prepare('SELECT job FROM import_jobs ORDER BY created_at DESC, id LIMIT ?')
        .pluck()
        .all(limit) as string[]
    ).map((text) => this.liveOf(JSON.parse(text) as ImportJob));
  }

  private liveOf(job: ImportJob): ImportJob {
    return this.live?.id === job.id && job.state === 'running' ? this.live : job;
  }

  create(options: ImportOptions, by: string): ImportJob {
    const job: ImportJob = {
      id: randomUUID(),
      ...options,
      state: 'created',
      createdAt: now(),
      by,
      files: [],
      progress: { phase: 'waiting' },
    };
    this.forgetOldJobs();
    mkdirSync(this.dirOf(job.id), { recursive: true });
    return this.save(job);
  }

  /** Where an upload for this job is received (it is renamed into place by addFile). */
  uploadDir(id: string): string {
    const job = this.get(id);
    if (job.state !== 'created')
      throw new HttpError(409, 'conflict', `this import is ${job.state}: files go into a new one`);
    return this.dirOf(id);
  }

  /** Keeps an uploaded file as the job's feed of this kind (a second one replaces the first). */
  addFile(id: string, kind: FeedKind, uploaded: string, name: string): ImportJob {
    const job = this.get(id);
    if (job.state !== 'created') {
      rmSync(uploaded, { force: true });
      throw new HttpError(409, 'conflict', `this import is ${job.state}: files go into a new one`);
    }
    const kindDir = join(this.dirOf(id), kind);
    rmSync(kindDir, { recursive: true, force: true });
    mkdirSync(kindDir);
    // The report names lines by the file's own name; a path, control characters, "." and ".." go.
    const cleaned = (name.split(/[\\/]/).at(-1) ?? '').replace(/\p{Cc}/gu, '').trim();
    const base = cleaned === '' || cleaned === '.' || cleaned === '..' ? kind : cleaned;
    renameSync(uploaded, join(kindDir, base));
    const files = [
      ...job.files.filter((file) => file.kind !== kind),
      { kind, name: base, bytes: statSync(join(kindDir, base)).size },
    ];
    return this.save({ ...job, files });
  }

  /** Starts a created import with its files; one runs at a time. */
  run(id: string): ImportJob {
    const job = this.get(id);
    if (job.state !== 'created')
      throw new HttpError(409, 'conflict', `this import is already ${job.state}`);
    if (job.files.length === 0)
      throw new HttpError(400, 'invalid_request', 'upload at least one feed file first');
    if (this.stopping.signal.aborted)
      throw new HttpError(
        503,
        'stopping',
        'the store server is stopping: import again once it is back',
      );
    if (this.running)
      throw new HttpError(409, 'busy', `import ${this.running.id} is running: wait for it to end`);
    const started = this.save({ ...job, state: 'running', progress: { phase: 'reading' } });
    this.running = { id, done: this.execute(started).finally(() => (this.running = undefined)) };
    return started;
  }

  private async execute(job: ImportJob): Promise<void> {
    const dir = this.dirOf(job.id);
    const files = Object.fromEntries(
      job.files.map((file) => [file.kind, join(dir, file.kind, file.name)]),
    );
    let current = job;
    let toldAt = 0;
    const onProgress = (progress: ImportProgress) => {
      current = { ...current, progress: progress };
      this.live = current;
      const at = Date.now();
      if (progress.phase === 'applying' || at - toldAt >= PROGRESS_EVERY_MS) {
        toldAt = at;
        this.tell(current);
      }
    };
    try {
      const outcome = await importInWorker(
        {
          dataDir: this.options.dataDir,
          imageFilesAllowed: this.options.imageFilesAllowed ?? false,
          request: {
            files,
            mode: job.mode,
            language: job.language,
            policy: this.policy(),
            currency: this.options.currency,
            timeZone: this.options.timeZone,
            ...(this.options.storeId !== undefined && { storeId: this.options.storeId }),
            by: job.by,
            workDir: dir,
            reportPath: join(dir, 'report.tsv'),
          },
        },
        {
          onProgress,
          ...(this.options.gate && { gate: this.options.gate }),
          signal: this.stopping.signal,
          afterCommit: (change) => {
            this.options.docs.announce(change);
            this.options.images?.want([]);
          },
        },
      );
      this.save({
        ...current,
        state: outcome.state,
        ...(outcome.reason === undefined ? {} : { reason: outcome.reason }),
        ...(outcome.reasonMessage === undefined ? {} : { reasonMessage: outcome.reasonMessage }),
        progress: { phase: 'done' },
        finishedAt: now(),
        counts: outcome.files,
        written: outcome.written,
        firstEntries: outcome.firstEntries.slice(0, 100),
        totalEntries: outcome.totalEntries,
        phases: outcome.phases,
        loopStalls: outcome.loopStalls,
      });
      this.options.log.info(
        {
          job: job.id,
          state: outcome.state,
          reason: outcome.reason,
          written: outcome.written,
          phases: outcome.phases,
          loopStalls: outcome.loopStalls,
        },
        'catalogue import ended',
      );
    } catch (error) {
      const stopped = error instanceof ImportStopped;
      if (stopped)
        this.options.log.warn({ job: job.id }, 'catalogue import stopped with the server');
      else this.options.log.error({ job: job.id, err: error }, 'catalogue import failed');
      if (stopped) rmSync(join(dir, 'staging.sqlite'), { force: true });
      this.save({
        ...current,
        state: stopped ? 'interrupted' : 'failed',
        reason: error instanceof Error ? error.message : String(error),
        progress: { phase: 'done' },
        finishedAt: now(),
      });
    } finally {
      this.live = undefined;
      // The feeds go; the report stays for the people who fix them.
      for (const file of job.files) rmSync(join(dir, file.kind), { recursive: true, force: true });
    }
  }

  /** The chain's bad-line rule, kept in the store's meta table (default 5 %). */
  policy(): ImportPolicy {
    const text = getMeta(this.options.db, POLICY_KEY);
    const stored = text === undefined ? undefined : parseJson(ImportPolicy, text);
    return stored?.ok ? stored.value : DEFAULT_IMPORT_POLICY;
  }

  /** Sets the rule (a manager, or the admin token); the log says who and what it was. */
  setPolicy(policy: ImportPolicy, by: string): ImportPolicy {
    const was = this.policy();
    setMeta(this.options.db, POLICY_KEY, JSON.stringify(policy));
    this.options.log.info({ by, was, policy }, 'import policy changed');
    return policy;
  }

  /** Follows one job: the listener hears each change until it unsubscribes. */
  follow(id: string, listener: Listener): () => void {
    const set = this.listeners.get(id) ?? new Set();
    set.add(listener);
    this.listeners.set(id, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(id);
    };
  }

  /** The report in a language; an import written before French reports has English only. */
  reportPath(id: string, lang: ReportLang = 'en'): string {
    const job = this.get(id);
    const path = join(this.dirOf(id), 'report.tsv');
    if (!existsSync(path))
      throw new HttpError(404, 'not_found', `this import is ${job.state}: it has no report yet`);
    const french = frenchReportPath(path);
    return lang === 'fr' && existsSync(french) ? french : path;
  }

  /**
   * For a server stopping: the running import, if it has not committed, is stopped
   * (interrupted, nothing applied) rather than waited for; no import starts after.
   */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.idle();
  }

  /** Resolves once the running import, if any, has ended. */
  async idle(): Promise<void> {
    await this.running?.done;
  }

  private forgetOldJobs(): void {
    const old = this.options.db
      .prepare(
        `SELECT id FROM import_jobs WHERE state != 'running' ORDER BY created_at DESC LIMIT -1 OFFSET ?`,
      )
      .pluck()
      .all(KEPT_JOBS) as string[];
    for (const id of old) {
      rmSync(this.dirOf(id), { recursive: true, force: true });
      this.options.db.prepare('DELETE FROM import_jobs WHERE id = ?').run(id);
    }
    // Folders of jobs the table no longer has (a restored database).
    const known = new Set(this.list(KEPT_JOBS * 2).map((job) => job.id));
    for (const entry of readdirSync(this.root)) {
      if (!known.has(entry)) rmSync(join(this.root, entry), { recursive: true, force: true });
    }
  }
}

function now(): string {
  return new Date().toISOString();
}
