import { Router } from 'express';
import type { Db } from '../db/database';
import { appliedMigrations } from '../db/database';

export type HealthSources = {
  db: Db;
  brokerMode: 'embedded' | 'external';
  brokerLinked: () => boolean;
  connectedClients: () => number | null;
  head: () => number;
  ingestion: () => { stored: number; duplicates: number; rejected: number; batches: number };
  devicesOnline: () => number;
};

/** GET /health: 200 when the database answers and the broker link is up, else 503. */
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
    const broker = {
      ok: sources.brokerLinked(),
      mode: sources.brokerMode,
      connectedClients: sources.connectedClients(),
    };
    const ok = database.ok && broker.ok;
    res.status(ok ? 200 : 503).json({
      status: ok ? 'ok' : 'degraded',
      database,
      broker,
      sync: { head: sources.head(), devicesOnline: sources.devicesOnline() },
      events: sources.ingestion(),
    });
  });
  return router;
}
