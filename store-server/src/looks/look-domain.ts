// Composes share-a-look for server.ts: the store, its routes and the sweep
// that deletes expired photos even if nobody opens their link again.
import type { Router } from 'express';
import { z } from 'zod';
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

/** The sharing settings from the environment (docs/operations.md). */
export function lookSettings(
  env: Record<string, string | undefined>,
  log?: Logger,
): { ttlHours: number; publicUrl: string | undefined } {
  const raw = env.VITRINE_LOOK_PUBLIC_URL;
  const parsed = raw ? PublicUrl.safeParse(raw) : undefined;
  if (parsed && !parsed.success)
    log?.warn(
      { raw },
      'looks: VITRINE_LOOK_PUBLIC_URL is not an http(s) URL; links use the request host',
    );
  return {
    ttlHours: lookTtlHours(env.VITRINE_LOOK_TTL_HOURS, log),
    publicUrl: parsed?.success ? parsed.data : undefined,
  };
}

const PublicUrl = z.url({ protocol: /^https?$/ }).transform((url) => new URL(url).origin);

export function startLookSharing(options: {
  db: Db;
  dataDir: string;
  registry: DeviceRegistry;
  ttlHours: number;
  /** Where phones reach the share pages, e.g. https://looks.store.example; default: the mirror's host. */
  publicUrl?: string;
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
    api: lookApiRoutes({
      store,
      registry: options.registry,
      db: options.db,
      pool,
      publicUrl: options.publicUrl,
    }),
    pages: lookPageRoutes({ store, db: options.db }),
    store,
    stop: () => {
      clearInterval(timer);
      void pool.stop();
    },
  };
}
