// Opening the database when the disk may be full: a start must not die on a
// migration or a shared-memory file it cannot write. The reserve file kept by
// the storage guard is given back so SQLite can open what is there, and the
// server starts with writes switched off.
import { join } from 'node:path';
import {
  DATABASE_FILE,
  openDatabase,
  openDatabaseAsIs,
  pendingMigrations,
  type Db,
} from './database';
import type { Logger } from '@vitrine/shared/node';
import { releaseReserve } from './storage-guard';
import { StorageUnavailableError, storageFaultOf, type StorageFaultKind } from './storage-fault';

export type OpenedDatabase = {
  db: Db;
  /** Set when the database opened only as it is: the server starts read-only. */
  fault?: { kind: StorageFaultKind; detail: string };
};

export function openStoreDatabase(dataDir: string, log: Logger): OpenedDatabase {
  try {
    return { db: openDatabase(dataDir) };
  } catch (error) {
    const kind = storageFaultOf(error);
    if (kind === undefined) throw error;
    const detail = (error as Error).message;
    const released = releaseReserve(dataDir);
    log.error({ fault: kind, detail, released }, 'storage: cannot write the database at start');
    let db: Db;
    try {
      db = openDatabaseAsIs(dataDir);
    } catch (second) {
      throw new StorageUnavailableError(
        `cannot open the database ${join(dataDir, DATABASE_FILE)}: ${detail}` +
          ` (then, read as it is: ${(second as Error).message}).` +
          ' Free space on that disk, or make it writable, and start again.',
      );
    }
    // This version's code needs its tables: serving an older schema would fail request by request.
    const pending = pendingMigrations(db);
    if (pending.length > 0) {
      db.close();
      throw new StorageUnavailableError(
        `this version must upgrade the database (${pending.join(', ')}) and cannot write it: ${detail}.` +
          ' Free space on that disk, or make it writable, and start again.',
      );
    }
    return { db, fault: { kind, detail } };
  }
}
