import { Router } from 'express';
import type { Db } from '../db/database';
import { appliedMigrations } from '../db/database';
import type { StorageStatus } from '../db/storage-guard';

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

/**
 * GET /health: 200 when the database answers, the disk takes writes and the
 * broker link is up; else 503 with the reasons. A read-only server still serves
 * sync, the catalogue and media: 503 tells monitoring, not the screens.
 */
export function healthRoutes(sources: HealthSources): Router {
  const router = Router();
  router.get('/health', (_req, res) => {
    let database: { ok: boolean; migrations?: number; latest?: string; error?: string };
    try {
      sources.db.prepare('SELECT 1').get();
      const migrations = appliedMigrations(sources.db);
      database = { ok: true, migrations: migrations.length, latest: migrations.at(-1) };
    } catch (error) {
      database = { ok: false, error: (error as Error).message };
    }
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
    res.status(ok ? 200 : 503).json({
      status: ok ? 'ok' : 'degraded',
      ...(ok ? {} : { reasons }),
      database,
      storage,
      broker,
      sync: { head: sources.head(), devicesOnline: sources.devicesOnline() },
      events: sources.ingestion(),
    });
  });
  return router;
}
