// The health report's handler (route: shared/src/core/http/routes/health.ts).
import type { HealthReport, healthRoutes } from '@vitrine/shared/core';
import type { Db } from '../db/database';
import { appliedMigrations } from '../db/database';
import type { StorageStatus } from '../db/storage-guard';
import type { Handlers } from '../http/register-routes';

export type HealthSources = {
  db: Db;
  brokerMode: 'embedded' | 'external';
  brokerLinked: () => boolean;
  connectedClients: () => number | null;
  head: () => number;
  ingestion: () => { stored: number; duplicates: number; rejected: number; batches: number };
  devicesOnline: () => number;
  /** Whether the disk takes writes (db/storage-guard.ts). */
  storage: () => StorageStatus;
};

/** Why the server is not fully working, one short phrase each, for a store's IT. */
const STORAGE_REASON = {
  full: 'storage full: the server is read-only',
  'read-only': 'storage read-only: the server is read-only',
  'io-error': 'storage I/O error: the server is read-only',
} as const;

function databaseHealth(db: Db): HealthReport['database'] {
  try {
    db.prepare('SELECT 1').get();
    const migrations = appliedMigrations(db);
    return { ok: true, migrations: migrations.length, latest: migrations.at(-1) };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

/** 200 when the database answers, the disk takes writes and the broker link is up; else 503. */
export function healthHandlers(sources: HealthSources): Handlers<typeof healthRoutes> {
  return {
    health: ({ res }) => {
      const database = databaseHealth(sources.db);
      const storage = sources.storage();
      const broker = {
        ok: sources.brokerLinked(),
        mode: sources.brokerMode,
        connectedClients: sources.connectedClients(),
      };
      const reasons = [
        ...(database.ok ? [] : ['database unreadable']),
        ...(storage.fault ? [STORAGE_REASON[storage.fault]] : []),
        ...(broker.ok ? [] : ['broker link down']),
      ];
      const ok = reasons.length === 0;
      res.status(ok ? 200 : 503);
      return {
        status: ok ? 'ok' : 'degraded',
        ...(ok ? {} : { reasons }),
        database,
        storage,
        broker,
        sync: { head: sources.head(), devicesOnline: sources.devicesOnline() },
        events: sources.ingestion(),
      };
    },
  };
}
