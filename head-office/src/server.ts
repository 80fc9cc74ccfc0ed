// The head-office server: PostgreSQL (migrated), the HTTP API and the background roles.
// Stateless: several may run against one database (plan §3.7).
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { HeadOfficeConfig } from './config';
import { createPool, assertDatabaseReachable, databaseAnswers, type Pool } from './db/pool';
import { migrate } from './db/migrations';
import { holdRole, type RoleHolder } from './db/roles';
import { createLogger, type Logger } from '@vitrine/shared/node';
import { headOfficeMigrations } from './schema';
import { startLink, type Link } from './link/start-link';
import { maintainPartitions } from './events/partitions';
import type { IngestStats } from './events/ingest';

/**
 * The background roles, each held by one process at a time. `leader` is the first; the
 * publisher, nats-config and snapshots roles join as their features land.
 */
const HEAD_OFFICE_ROLES = ['leader', 'partitions'] as const;
/** How often the holder of `partitions` makes the days ahead and drops the old ones. */
const PARTITIONS_EVERY_MS = 60 * 60 * 1000;

export type HeadOffice = {
  url: string;
  port: number;
  pool: Pool;
  log: Logger;
  /** The roles this process holds now. */
  heldRoles: () => string[];
  /** Events ingested by this process; undefined without NATS. */
  events: () => IngestStats | undefined;
  /** Stops the roles (releasing their locks), the HTTP server and the pool. */
  stop: () => Promise<void>;
};

export async function startHeadOffice(config: HeadOfficeConfig): Promise<HeadOffice> {
  const log = createLogger(config.logLevel, { service: 'head-office', pid: String(process.pid) });
  mkdirSync(config.dataDir, { recursive: true });
  const pool = createPool(config.databaseUrl, (error) =>
    log.warn({ err: error.message }, 'an idle database connection ended'),
  );
  try {
    await assertDatabaseReachable(pool, config.databaseUrl);
    const migrating = performance.now();
    const applied = await migrate(pool, headOfficeMigrations);
    log.info({ applied, ms: Math.round(performance.now() - migrating) }, 'database migrated');
  } catch (error) {
    await pool.end();
    throw error;
  }

  const roleWork: Partial<Record<(typeof HEAD_OFFICE_ROLES)[number], () => Promise<unknown>>> = {
    partitions: async () => {
      const change = await maintainPartitions(pool);
      if (change.created.length || change.dropped.length || change.purgedFromDefault)
        log.info(change, 'event partitions maintained');
    },
  };
  const roleTimers = new Map<string, NodeJS.Timeout>();
  const roles: RoleHolder[] = HEAD_OFFICE_ROLES.map((name) =>
    holdRole(pool, name, {
      onGain: () => {
        log.info({ role: name }, 'role gained');
        const work = roleWork[name];
        if (!work) return;
        const runWork = () =>
          void work().catch((error: unknown) =>
            log.error({ role: name, err: (error as Error).message }, 'role work failed'),
          );
        runWork();
        roleTimers.set(name, setInterval(runWork, PARTITIONS_EVERY_MS));
      },
      onLose: (reason) => {
        clearInterval(roleTimers.get(name));
        log.warn({ role: name, reason }, 'role lost');
      },
      onError: (error) => log.error({ role: name, err: error }, 'role callback failed'),
    }),
  );
  const heldRoles = () => roles.filter((role) => role.held()).map((role) => role.name);

  const link: Link | undefined =
    config.natsUrls && config.natsSeedFile
      ? startLink({ urls: config.natsUrls, seedFile: config.natsSeedFile }, pool, log)
      : undefined;
  const stopBackground = async () => {
    await Promise.all(roles.map((role) => role.stop()));
    roleTimers.forEach((timer) => clearInterval(timer));
    await link?.stop();
  };

  const app = express();
  app.disable('x-powered-by');
  // 503 while the database does not answer: a load balancer sends traffic to another process.
  app.get('/healthz', (_req, res) => {
    void databaseAnswers(pool).then((up) =>
      res.status(up ? 200 : 503).json({
        ok: up,
        database: up ? 'up' : 'down',
        roles: heldRoles(),
        nats: link?.state() ?? 'off',
        events: link?.events(),
      }),
    );
  });
  const server = app.listen(config.httpPort, config.httpHost);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  }).catch(async (error: unknown) => {
    await stopBackground();
    await pool.end();
    throw error;
  });
  const port = (server.address() as AddressInfo).port;
  const host = config.httpHost === '0.0.0.0' ? 'localhost' : config.httpHost;

  return {
    url: `http://${host}:${port}`,
    port,
    pool,
    log,
    heldRoles,
    events: () => link?.events(),
    stop: async () => {
      await stopBackground();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await pool.end();
    },
  };
}
