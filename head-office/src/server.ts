// The head-office server: PostgreSQL (migrated), the HTTP API and the background roles.
// Stateless: several may run against one database (plan §3.7).
import { mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fromSeed } from '@nats-io/nkeys';
import type { NatsConnection } from '@nats-io/transport-node';
import express from 'express';
import type { HeadOfficeConfig } from './config';
import { createPool, assertDatabaseReachable, databaseAnswers, type Pool } from './db/pool';
import { migrate } from './db/migrations';
import { holdRole, type RoleHolder } from './db/roles';
import {
  createLogger,
  errorHandler,
  loadSigningKey,
  notFound,
  type HeadOfficeKey,
  type Logger,
} from '@vitrine/shared/node';
import { consoleStatic } from './http/console-static';
import { databaseDownAnswer } from './db/database-down';
import { registerHqApi } from './http/register-api';
import { headOfficeMigrations } from './schema';
import { startNatsConfig, type NatsConfig } from './stores/nats-config';
import { reloadByPidFiles } from './stores/nats-reload';
import { storeHandlers } from './stores/store-handlers';
import { campaignHandlers } from './campaigns/campaign-handlers';
import { mediaHandlers } from './media/media-handlers';
import { fleetHandlers } from './fleet/fleet-handlers';
import { settingsHandlers } from './settings/settings-handlers';
import { assistantHandlers } from './assistant/assistant-handlers';
import { insightsHandlers } from './insights/insights-handlers';
import { userHandlers } from './users/user-handlers';
import { startLink, type Link } from './link/start-link';
import { linkHandlers } from './link/link-handlers';
import { reportHandlers } from './reports/report-handlers';
import { catalogueHandlers } from './catalogue/catalogue-handlers';
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
  /** Signs campaigns (publishCampaign); its anchor is what stores and players trust. */
  signingKey: HeadOfficeKey;
  /** The roles this process holds now. */
  heldRoles: () => string[];
  /** Events ingested by this process; undefined without NATS. */
  events: () => IngestStats | undefined;
  /** Stops the roles (releasing their locks), the HTTP server and the pool. */
  stop: () => Promise<void>;
};

/** What a caller may hand in instead of configuring it (tests, `npm run chain`). */
export type HeadOfficeDeps = {
  /** HQ's connection to the cluster, for the stores' durables (head-office/src/link makes it). */
  nats?: NatsConnection;
  /** Reloads the cluster's nodes (the local cluster's reload()); else SIGHUP by pid files. */
  reloadNats?: () => Promise<void>;
  log?: Logger;
};

/** The link's configuration cannot be used as given (a seed file that is not one…). */
export class LinkConfigError extends Error {
  override name = 'LinkConfigError';
}

function hqPublicKey(seedFile: string): string {
  try {
    return fromSeed(new TextEncoder().encode(readFileSync(seedFile, 'utf8').trim())).getPublicKey();
  } catch (error) {
    throw new LinkConfigError(
      `--nats-seed-file ${seedFile}: not a readable nkey seed (${(error as Error).message})`,
    );
  }
}

/** The users-file writer, when this head office is configured to keep the link's users. */
function natsConfigFor(config: HeadOfficeConfig, deps: HeadOfficeDeps, pool: Pool, log: Logger) {
  if (!config.natsUsersFile || !config.natsSeedFile) return undefined;
  const publicKey = hqPublicKey(config.natsSeedFile);
  const pidFiles = config.natsPidFiles;
  const reload = deps.reloadNats ?? (pidFiles?.length ? reloadByPidFiles(pidFiles) : undefined);
  if (!reload)
    throw new LinkConfigError('--nats-users-file needs --nats-pid-files to reload the nodes');
  return startNatsConfig(pool, {
    usersFile: config.natsUsersFile,
    hqPublicKey: publicKey,
    reload,
    log,
  });
}

export async function startHeadOffice(
  config: HeadOfficeConfig,
  deps: HeadOfficeDeps = {},
): Promise<HeadOffice> {
  const log =
    deps.log ?? createLogger(config.logLevel, { service: 'head-office', pid: String(process.pid) });
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
  let natsConfig: NatsConfig | undefined;
  try {
    natsConfig = natsConfigFor(config, deps, pool, log);
  } catch (error) {
    await Promise.all(roles.map((role) => role.stop()));
    await pool.end();
    throw error;
  }
  const allRoles = natsConfig ? [...roles, natsConfig.role] : roles;
  const heldRoles = () => allRoles.filter((role) => role.held()).map((role) => role.name);

  const link: Link | undefined =
    config.natsUrls && config.natsSeedFile
      ? startLink(
          { urls: config.natsUrls, seedFile: config.natsSeedFile, signingKey },
          pool,
          log,
          natsConfig,
        )
      : undefined;
  const stopBackground = async () => {
    await natsConfig?.stop();
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
        fleet: link?.fleet(),
      }),
    );
  });
  const nats = () => deps.nats ?? link?.nats();
  registerHqApi(
    app,
    {
      ...storeHandlers({
        pool,
        log,
        natsConfig,
        nats,
        natsUrls: config.natsUrls,
        trustAnchor: () => signingKey.anchor,
      }),
      campaigns: campaignHandlers({ pool, log, signingKey }),
      media: mediaHandlers({
        pool,
        log,
        nats,
        replicas: Math.min(3, config.natsUrls?.length ?? 1),
      }),
      fleet: fleetHandlers(pool),
      link: linkHandlers(pool),
      reports: reportHandlers(pool),
      catalogue: catalogueHandlers({ pool, log }),
      settings: settingsHandlers(pool, log),
      assistant: assistantHandlers(pool, log),
      insights: insightsHandlers(pool),
      ...userHandlers(pool, log),
    },
    { pool, adminToken: config.adminToken },
  );
  app.use(consoleStatic());
  app.use(notFound);
  app.use(errorHandler(log, databaseDownAnswer));
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
    signingKey,
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
