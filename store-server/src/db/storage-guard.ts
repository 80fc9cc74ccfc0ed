// Watches the disk under the store's database. Below a floor of free space, or
// once a write fails for want of space or with an I/O error, the connection is
// switched to query_only: reads go on (sync, catalogue, media), every write is
// refused before it touches the disk (the API answers 507), and health says why.
// Every second the guard looks again; with room back it rebuilds its reserve
// file, proves a real write works and lifts the switch, with no restart.
import { rmSync, statfsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setMeta, type Db } from './database';
import type { Logger } from '@vitrine/shared/node';
import { storageFaultOf, type StorageFaultKind } from './storage-fault';

/** Kept free on the disk so that a restart on a full disk can still open the database. */
const RESERVE_BYTES = 2 * 1024 * 1024;
const RESERVE_FILE = 'storage-reserve';
/** Writes resume only with this much more than the floor free, so they do not flap. */
const RESUME_FACTOR = 1.5;
const PROBE_EVERY_MS = 5_000;

export type StorageStatus = {
  ok: boolean;
  fault?: StorageFaultKind;
  /** What went wrong, in the words of the system that said it. */
  detail?: string;
  since?: string;
  freeBytes: number | null;
  floorBytes: number;
};

type Fault = { kind: StorageFaultKind; detail: string; since: string };

export class StorageGuard {
  private fault: Fault | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private lastProbeAt = 0;

  constructor(
    private readonly db: Db,
    private readonly options: {
      dataDir: string;
      floorBytes: number;
      log: Logger;
      checkEveryMs?: number;
    },
  ) {}

  start(): void {
    this.check();
    this.timer = setInterval(() => this.check(), this.options.checkEveryMs ?? 1_000);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** The fault writes are refused for, if any. */
  current(): StorageFaultKind | undefined {
    return this.fault?.kind;
  }

  /**
   * Tells the guard of an error a write met. Returns the storage fault it means
   * (the one already in force while writes are switched off), or undefined when
   * the error is not about storage.
   */
  noteError(error: unknown): StorageFaultKind | undefined {
    const kind = storageFaultOf(error);
    if (kind === undefined) return undefined;
    if (this.fault) return this.fault.kind;
    this.enter(this.refine(kind), (error as Error).message);
    return this.current();
  }

  /** Switches writes off for a fault found outside a write (start-up, the free-space floor). */
  enter(kind: StorageFaultKind, detail: string): void {
    if (this.fault) return;
    this.fault = { kind, detail, since: new Date().toISOString() };
    this.setQueryOnly(true);
    this.options.log.error(
      { fault: kind, detail, freeBytes: this.freeBytes() },
      'storage: writes refused until the disk can take them again',
    );
  }

  /** Looks at the disk now: enters a fault below the floor, leaves one when writes work again. */
  check(): void {
    const free = this.freeBytes();
    if (!this.fault) {
      if (free !== null && free < this.options.floorBytes)
        this.enter('full', `${free} bytes free, below the floor of ${this.options.floorBytes}`);
      else this.keepReserve();
      return;
    }
    if (this.fault.kind === 'full' && free !== null && free < this.resumeBytes()) return;
    this.tryResume();
  }

  /** For health: the disk looked at now, and a real write tried now and then. */
  status(): StorageStatus {
    this.check();
    if (!this.fault && Date.now() - this.lastProbeAt >= PROBE_EVERY_MS) {
      this.lastProbeAt = Date.now();
      try {
        this.probe();
      } catch (error) {
        this.noteError(error);
      }
    }
    const fault = this.fault;
    return {
      ok: fault === undefined,
      ...(fault ? { fault: fault.kind, detail: fault.detail, since: fault.since } : {}),
      freeBytes: this.freeBytes(),
      floorBytes: this.options.floorBytes,
    };
  }

  freeBytes(): number | null {
    try {
      const stats = statfsSync(this.options.dataDir);
      return stats.bavail * stats.bsize;
    } catch {
      return null;
    }
  }

  private resumeBytes(): number {
    return Math.max(this.options.floorBytes * RESUME_FACTOR, RESERVE_BYTES * 2);
  }

  /** An I/O error on a disk with no room left is the disk being full (SQLite's shm, say). */
  private refine(kind: StorageFaultKind): StorageFaultKind {
    if (kind !== 'io-error') return kind;
    const free = this.freeBytes();
    return free !== null && free < Math.max(this.options.floorBytes, RESERVE_BYTES) ? 'full' : kind;
  }

  private tryResume(): void {
    const fault = this.fault;
    if (!fault) return;
    try {
      writeReserve(this.options.dataDir);
      this.setQueryOnly(false);
      this.probe();
    } catch (error) {
      this.setQueryOnly(true);
      const kind = storageFaultOf(error);
      if (kind) fault.kind = this.refine(kind);
      fault.detail = (error as Error).message;
      return;
    }
    this.fault = undefined;
    this.options.log.warn(
      { was: fault.kind, since: fault.since, freeBytes: this.freeBytes() },
      'storage: writes work again',
    );
  }

  /** A real, durable write: the only proof that the disk takes writes. */
  private probe(): void {
    setMeta(this.db, 'storage_probe', new Date().toISOString());
  }

  private keepReserve(): void {
    try {
      writeReserve(this.options.dataDir);
    } catch {
      // Not fatal: the floor check above catches the disk filling up.
    }
  }

  private setQueryOnly(on: boolean): void {
    try {
      this.db.pragma(`query_only = ${on ? 1 : 0}`);
    } catch (error) {
      this.options.log.error({ err: (error as Error).message }, 'storage: cannot switch writes');
    }
  }
}

/** Writes the reserve file unless it is already whole. */
function writeReserve(dataDir: string): void {
  const path = join(dataDir, RESERVE_FILE);
  try {
    if (statSync(path).size === RESERVE_BYTES) return;
  } catch {
    // Missing: written below.
  }
  try {
    writeFileSync(path, Buffer.alloc(RESERVE_BYTES));
  } catch (error) {
    rmSync(path, { force: true });
    throw error;
  }
}

/** Gives the reserve back to the disk; true when there was one. */
export function releaseReserve(dataDir: string): boolean {
  const path = join(dataDir, RESERVE_FILE);
  try {
    statSync(path);
  } catch {
    return false;
  }
  rmSync(path, { force: true });
  return true;
}
