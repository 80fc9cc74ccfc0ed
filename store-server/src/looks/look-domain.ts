// Composes share-a-look for server.ts: the store, its routes and the sweep
// that deletes expired photos even if nobody opens their link again.
import type { Router } from 'express';
import { DEFAULT_LOOK_TTL_HOURS } from '@vitrine/shared/core';
import type { Db } from '../db/database';
import type { DeviceRegistry } from '../devices/registry';
import type { Logger } from '../log';
import { lookApiRoutes, lookPageRoutes } from './look-routes';
import { LookStore } from './look-store';
import { ReencodePool } from './reencode-pool';

export type LookSharing = { api: Router; pages: Router; store: LookStore; stop: () => void };

/** `VITRINE_LOOK_TTL_HOURS` (0.01–720); anything else falls back to 24 h with a warning. */
export function lookTtlHours(raw: string | undefined, log?: Logger): number {
  if (raw === undefined || raw === '') return DEFAULT_LOOK_TTL_HOURS;
  const hours = Number(raw);
  if (Number.isFinite(hours) && hours >= 0.01 && hours <= 720) return hours;
  log?.warn(
    { raw },
    `looks: VITRINE_LOOK_TTL_HOURS must be 0.01–720; using ${DEFAULT_LOOK_TTL_HOURS}`,
  );
  return DEFAULT_LOOK_TTL_HOURS;
}

export function startLookSharing(options: {
  db: Db;
  dataDir: string;
  registry: DeviceRegistry;
  ttlHours: number;
  sweepMs?: number;
  log: Logger;
}): LookSharing {
  const store = new LookStore(options.db, options.dataDir, options.ttlHours * 3_600_000);
  const sweep = () => {
    try {
      const removed = store.sweep();
      if (removed > 0) options.log.info({ removed }, 'looks: deleted expired photos');
    } catch (error) {
      options.log.error({ err: (error as Error).message }, 'looks: sweep failed');
    }
  };
  const pool = new ReencodePool();
  sweep();
  const timer = setInterval(sweep, options.sweepMs ?? 60_000);
  timer.unref();
  return {
    api: lookApiRoutes({ store, registry: options.registry, db: options.db, pool }),
    pages: lookPageRoutes({ store, db: options.db }),
    store,
    stop: () => {
      clearInterval(timer);
      void pool.stop();
    },
  };
}
