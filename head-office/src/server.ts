// The head-office server: PostgreSQL (migrated), the HTTP API and the background roles.
// Stateless: several may run against one database (plan §3.7).
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import express from 'express';
import type { HeadOfficeConfig } from './config';
import { createPool, assertDatabaseReachable, databaseAnswers, type Pool } from './db/pool';
import { migrate } from './db/migrations';
import { holdRole, type RoleHolder } from './db/roles';
import {
  createLogger,
  loadSigningKey,
  type HeadOfficeKey,
  type Logger,
} from '@vitrine/shared/node';
import { headOfficeMigrations } from './schema';

/**
 * The background roles, each held by one process at a time. `leader` is the first; the
 * publisher, nats-config, partitions and snapshots roles join as their features land.
 */
const HEAD_OFFICE_ROLES = ['leader'] as const;

export type HeadOffice = {
  url: string;
  port: number;
  pool: Pool;
  log: Logger;
  /** Signs campaigns (publishCampaign); its anchor is what stores and players trust. */
  signingKey: HeadOfficeKey;
  /** The roles this process holds now. */
  heldRoles: () => string[];
  /** Stops the roles (releasing their locks), the HTTP server and the pool. */
  stop: () => Promise<void>;
};

export async function startHeadOffice(config: HeadOfficeConfig): Promise<HeadOffice> {
  const log = createLogger(config.logLevel, { service: 'head-office', pid: String(process.pid) });
  mkdirSync(config.dataDir, { recursive: true });
  // The one signing key of head office: campaigns are signed with it, enrolment hands out its anchor.
  const signingKey = loadSigningKey(join(config.dataDir, 'signing'));
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

  const roles: RoleHolder[] = HEAD_OFFICE_ROLES.map((name) =>
    holdRole(pool, name, {
      onGain: () => log.info({ role: name }, 'role gained'),
      onLose: (reason) => log.warn({ role: name, reason }, 'role lost'),
      onError: (error) => log.error({ role: name, err: error }, 'role callback failed'),
    }),
  );
  const heldRoles = () => roles.filter((role) => role.held()).map((role) => role.name);

  const app = express();
  app.disable('x-powered-by');
  // 503 while the database does not answer: a load balancer sends traffic to another process.
  app.get('/healthz', (_req, res) => {
    void databaseAnswers(pool).then((up) =>
      res.status(up ? 200 : 503).json({ ok: up, database: up ? 'up' : 'down', roles: heldRoles() }),
    );
  });
  const server = app.listen(config.httpPort, config.httpHost);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  }).catch(async (error: unknown) => {
    await Promise.all(roles.map((role) => role.stop()));
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
    signingKey,
    heldRoles,
    stop: async () => {
      await Promise.all(roles.map((role) => role.stop()));
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await pool.end();
    },
  };
}
