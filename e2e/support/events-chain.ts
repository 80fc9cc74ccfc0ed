// The chain the events test runs on, every part real: PostgreSQL 15, a 3-node NATS cluster whose
// users file holds head office and one store, two head-office processes (they set the streams at
// once and share the one durable), the store's row at head office, and a store-server process
// enrolled with its own nkey that reaches each node through a TCP proxy the test can cut.
import Database from 'better-sqlite3';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { createUser } from '@nats-io/nkeys';
import { connect, nkeyAuthenticator, type NatsConnection } from '@nats-io/transport-node';
import pg from 'pg';
import { linkStreams } from '@vitrine/shared/core';
import {
  startNatsCluster,
  startPostgres,
  type LocalPostgres,
  type NatsCluster,
} from '@vitrine/head-office/local';
import { renderUsersFile } from '@vitrine/head-office/nats-users';
import { launchHeadOffice, type HeadOfficeProcess } from './head-office-process';
import { freePort, spawnServer, type ServerProcess } from './server-process';
import { startTcpProxy, type TcpProxy } from './tcp-proxy';
import { waitFor } from './test-server';

type EventsStats = {
  batches: number;
  stored: number;
  duplicates: number;
  deadLetters: number;
  retried: number;
};

export type EventsChain = {
  storeId: string;
  postgres: LocalPostgres;
  /** The test's own connections to head office's database. */
  pool: pg.Pool;
  cluster: NatsCluster;
  hqs: HeadOfficeProcess[];
  /** A connection with head office's own key (it may publish as any store). */
  nc: NatsConnection;
  /** The store reaches node i through proxies[i]: the line the test cuts. */
  proxies: TcpProxy[];
  store: ServerProcess;
  /** Both head offices' counters from /healthz, added up (undefined until both pull). */
  hqEvents: () => Promise<EventsStats | undefined>;
  /** Events the store has not had acknowledged by JetStream yet. */
  owedByStore: () => number;
  /**
   * Writes `count` events straight into the store's SQLite (as its ingestion would), for a
   * backlog larger than simulated devices record in a test's time; answers their ids.
   */
  injectBacklog: (count: number, deviceIds: readonly string[]) => string[];
  stop: () => Promise<void>;
};

/** A UUIDv7 of `time`, as devices make them. */
export function uuidV7(time: number): string {
  const hex = time.toString(16).padStart(12, '0') + randomBytes(10).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const seedText = (pair: ReturnType<typeof createUser>) => new TextDecoder().decode(pair.getSeed());

function sumStats(all: (EventsStats | undefined)[]): EventsStats | undefined {
  if (all.some((stats) => !stats)) return undefined;
  const sum = (key: keyof EventsStats) => all.reduce((total, stats) => total + stats![key], 0);
  return {
    batches: sum('batches'),
    stored: sum('stored'),
    duplicates: sum('duplicates'),
    deadLetters: sum('deadLetters'),
    retried: sum('retried'),
  };
}

function injectInto(dbPath: string, count: number, deviceIds: readonly string[]): string[] {
  const db = new Database(dbPath);
  const ids: string[] = [];
  try {
    db.pragma('busy_timeout = 10000');
    const insert = db.prepare(
      `INSERT INTO events (id, device_id, seq, kind, at, received_at, payload) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const now = new Date().toISOString();
    const payload = JSON.stringify({ action: 'view', productId: 'p1', screen: 'home' });
    db.transaction(() => {
      for (let i = 0; i < count; i++) {
        const id = uuidV7(Date.now());
        const device = deviceIds[i % deviceIds.length]!;
        insert.run(
          id,
          device,
          Math.floor(i / deviceIds.length) + 1,
          'interaction',
          now,
          now,
          payload,
        );
        ids.push(id);
      }
    })();
  } finally {
    db.close();
  }
  return ids;
}

async function startStore(
  base: string,
  storeId: string,
  seed: string,
  proxies: TcpProxy[],
): Promise<ServerProcess> {
  const linkDir = join(base, 'link');
  mkdirSync(linkDir);
  writeFileSync(join(linkDir, 'store.seed'), seed, { mode: 0o600 });
  const anchorKey = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' });
  const link = {
    v: 1,
    storeId,
    natsUrls: proxies.map((proxy) => `nats://127.0.0.1:${proxy.port}`),
    seedFile: 'store.seed',
    trustAnchor: { keyId: 'hq-test', publicKey: anchorKey.x },
  };
  writeFileSync(join(linkDir, 'hq-link.json'), JSON.stringify(link));
  return spawnServer({
    dataDir: join(base, 'store'),
    httpPort: await freePort(),
    mqttPort: await freePort(),
    store: { id: storeId },
    extraArgs: ['--plain', 'on', '--hq-link', join(linkDir, 'hq-link.json')],
  });
}

export async function startEventsChain(storeId: string): Promise<EventsChain> {
  const base = mkdtempSync(join(tmpdir(), 'vitrine-link-events-'));
  chmodSync(base, 0o755); // PostgreSQL runs as user postgres
  const hqKey = createUser();
  const storeKey = createUser();
  const usersFile = join(base, 'users.conf');
  const users = renderUsersFile({
    hqPublicKey: hqKey.getPublicKey(),
    stores: [{ storeId, publicKeys: [storeKey.getPublicKey()], neighbours: [] }],
  });
  writeFileSync(usersFile, users, { mode: 0o600 });
  const [postgres, cluster] = await Promise.all([
    startPostgres({ dir: join(base, 'pg') }),
    startNatsCluster({ dir: join(base, 'nats'), usersFile }),
  ]);
  const databaseUrl = await postgres.createDatabase('vitrine_hq');
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 }).on('error', () => undefined);
  pool.on('error', () => undefined); // a PostgreSQL crash ends idle connections

  const hqSeedFile = join(base, 'hq.seed');
  writeFileSync(hqSeedFile, seedText(hqKey), { mode: 0o600 });
  const nc = await connect({
    servers: [...cluster.clientUrls],
    authenticator: nkeyAuthenticator(hqKey.getSeed()),
    maxReconnectAttempts: -1,
    reconnectTimeWait: 200,
  });
  // EVENTS exists already with another budget (an older head office): HQ brings it in line.
  const jsm = await jetstreamManager(nc, { timeout: 10_000 });
  await jsm.streams.add({
    ...linkStreams({ eventsMaxBytes: 1 << 20, stockMaxBytes: 1 << 20 })[2]!,
  });
  const hqs = await Promise.all(
    ['hq-a', 'hq-b'].map((name) =>
      launchHeadOffice([
        ...['--database-url', databaseUrl, '--host', '127.0.0.1', '--http-port', '0'],
        ...['--nats-urls', cluster.clientUrls.join(','), '--nats-seed-file', hqSeedFile],
        ...['--data-dir', join(base, name), '--log-level', 'warn'],
      ]),
    ),
  );
  const hqEvents = async () =>
    sumStats(
      await Promise.all(
        hqs.map(async (hq) => (await hq.health()).body.events as EventsStats | undefined),
      ),
    );
  await pool.query(
    `INSERT INTO stores (id, name, time_zone, currency) VALUES ($1, 'Lyon', 'Europe/Paris', 'EUR')`,
    [storeId],
  );
  await waitFor(async () => (await hqEvents()) !== undefined, 'HQ pulling events', 30_000);

  const proxies = await Promise.all(
    cluster.nodes.map((node) => startTcpProxy({ targetPort: node.clientPort })),
  );
  const store = await startStore(base, storeId, seedText(storeKey), proxies);
  const dbPath = join(base, 'store', 'store.sqlite');
  return {
    storeId,
    postgres,
    pool,
    cluster,
    hqs,
    nc,
    proxies,
    store,
    hqEvents,
    owedByStore: () => {
      const db = new Database(dbPath, { readonly: true });
      try {
        return db.prepare('SELECT COUNT(*) FROM hq_outbox').pluck().get() as number;
      } finally {
        db.close();
      }
    },
    injectBacklog: (count, deviceIds) => injectInto(dbPath, count, deviceIds),
    stop: async () => {
      await store.kill('SIGKILL');
      await nc.close();
      await Promise.all(proxies.map((proxy) => proxy.close()));
      await Promise.all(hqs.map((hq) => hq.kill('SIGTERM')));
      await pool.end();
      await Promise.all([cluster.stop(), postgres.stop()]);
      rmSync(base, { recursive: true, force: true });
    },
  };
}
