// Composes share-a-look for server.ts: the store, the upload's handlers, the
// phone pages and the sweep that deletes expired photos even if nobody opens
// their link again.
import type { Router } from 'express';
import type { lookRoutes } from '@vitrine/shared/core';
import type { Db } from '../db/database';
import type { Logger } from '@vitrine/shared/node';
import type { Handlers } from '../http/register-routes';
import { lookHandlers } from './look-handlers';
import { lookPageRoutes } from './look-page-routes';
import { LookStore } from './look-store';
import { ReencodePool } from './reencode-pool';

export type LookSharing = {
  handlers: Handlers<typeof lookRoutes>;
  pages: Router;
  store: LookStore;
  stop: () => void;
};

export function startLookSharing(options: {
  db: Db;
  dataDir: string;
  ttlHours: number;
  /** Where phones reach the share pages, e.g. https://looks.store.example; default: the mirror's host. */
  publicUrl?: string;
  sweepMs?: number;
  /** The store's currency, for the prices on a look's page. */
  currency: string;
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
    handlers: lookHandlers({ store, db: options.db, pool, publicUrl: options.publicUrl }),
    pages: lookPageRoutes({ store, db: options.db, currency: options.currency }),
    store,
    stop: () => {
      clearInterval(timer);
      void pool.stop();
    },
  };
}
