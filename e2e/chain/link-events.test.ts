// Store → head office events, exactly once (16-plan §3.5), with every part real: a 3-node NATS
// cluster, PostgreSQL 15, a store-server process enrolled with its own nkey, a head-office
// process, and devices recording through the store's MQTT path. Every recorded event reaches
// PostgreSQL once, also across a kill -9 of the node leading EVENTS; a batch re-published under a
// new message id is absorbed and counted; a malformed item is a dead letter beside its stored rest.
import Database from 'better-sqlite3';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { createUser } from '@nats-io/nkeys';
import { connect, nkeyAuthenticator, type NatsConnection } from '@nats-io/transport-node';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceHandle } from '@vitrine/shared/client';
import {
  encodeLinkMessage,
  HQ_DURABLES,
  hqConsumers,
  linkStreams,
  STREAMS,
  storeSubjects,
} from '@vitrine/shared/core';
import {
  startNatsCluster,
  startPostgres,
  type LocalPostgres,
  type NatsCluster,
} from '@vitrine/head-office/local';
import { renderUsersFile } from '@vitrine/head-office/nats-users';
import { launchHeadOffice, type HeadOfficeProcess } from '../support/head-office-process';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { startNodeDevice } from '../support/node-device';
import {
  enrolAndApprove,
  freePort,
  spawnServer,
  type ServerProcess,
} from '../support/server-process';
import { waitFor } from '../support/test-server';

const STORE = 'lyon-part-dieu';
const DEVICES = 3;
const BACKLOG = 20_000;
const BACKLOG_DEVICES = ['bench-1', 'bench-2', 'bench-3', 'bench-4'];
const load = () => `load ${loadavg()[0]?.toFixed(1)}`;
const seedText = (pair: ReturnType<typeof createUser>) => new TextDecoder().decode(pair.getSeed());

type EventsStats = {
  batches: number;
  stored: number;
  duplicates: number;
  deadLetters: number;
  retried: number;
};

/** A UUIDv7 of `time`, as devices make them. */
function uuidV7(time: number): string {
  const hex = time.toString(16).padStart(12, '0') + randomBytes(10).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

let base: string;
let postgres: LocalPostgres;
let pool: pg.Pool;
let cluster: NatsCluster;
/** Two head-office processes: they set the streams at once and share the one durable. */
let hqs: HeadOfficeProcess[] = [];
let store: ServerProcess;
let nc: NatsConnection;
/** The store reaches each node through one of these: the line the test cuts. */
let proxies: TcpProxy[] = [];
let devices: DeviceHandle[] = [];
let deviceIds: string[] = [];
const recorded = new Set<string>();

async function record(device: DeviceHandle, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const event = await device.outbox.record({
      kind: 'proof-of-play',
      payload: { campaignId: 'c1', itemId: `item-${i % 7}`, playId: `p-${i}`, phase: 'start' },
    });
    recorded.add(event.id);
  }
}

const countInPg = async (sql = `SELECT count(*)::int AS n FROM events WHERE store_id = $1`) =>
  (await pool.query<{ n: number }>(sql, [STORE])).rows[0]!.n;

function owedByStore(): number {
  const db = new Database(join(base, 'store', 'store.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT COUNT(*) FROM hq_outbox').pluck().get() as number;
  } finally {
    db.close();
  }
}

/**
 * Writes `count` events straight into the store's SQLite (as its ingestion would), for a backlog
 * larger than simulated devices record in a test's time. The outbox trigger owes each to HQ.
 */
function injectBacklog(count: number): void {
  const db = new Database(join(base, 'store', 'store.sqlite'));
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
        insert.run(
          id,
          BACKLOG_DEVICES[i % 4],
          Math.floor(i / 4) + 1,
          'interaction',
          now,
          now,
          payload,
        );
        recorded.add(id);
      }
    })();
  } finally {
    db.close();
  }
}

/** Both processes' counters, added up (undefined until both pull). */
async function hqEvents(): Promise<EventsStats | undefined> {
  const all = await Promise.all(
    hqs.map(async (hq) => (await hq.health()).body.events as EventsStats | undefined),
  );
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

/** Every recorded event is in PostgreSQL exactly once, and the store owes nothing. */
async function expectAllOnce(timeoutMs: number): Promise<void> {
  await waitFor(async () => (await countInPg()) >= recorded.size, 'all events in PG', timeoutMs);
  await waitFor(() => owedByStore() === 0, 'store outbox empty', timeoutMs);
  const rows = await pool.query<{ event_id: string }>(
    `SELECT event_id FROM events WHERE store_id = $1 AND device_id = ANY($2)`,
    [STORE, deviceIds],
  );
  const ids = rows.rows.map((row) => row.event_id);
  expect(ids.length).toBe(recorded.size);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.filter((id) => !recorded.has(id))).toEqual([]);
  // Doubled independently of the key: one (device, seq) twice would be a second copy.
  const doubled = await pool.query(
    `SELECT device_id, seq FROM events WHERE store_id = $1 GROUP BY 1, 2 HAVING count(*) > 1`,
    [STORE],
  );
  expect(doubled.rows).toEqual([]);
}

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'vitrine-link-events-'));
  chmodSync(base, 0o755); // PostgreSQL runs as user postgres
  const hqKey = createUser();
  const storeKey = createUser();
  const usersFile = join(base, 'users.conf');
  const users = renderUsersFile({
    hqPublicKey: hqKey.getPublicKey(),
    stores: [{ storeId: STORE, publicKeys: [storeKey.getPublicKey()], neighbours: [] }],
  });
  writeFileSync(usersFile, users, { mode: 0o600 });
  [postgres, cluster] = await Promise.all([
    startPostgres({ dir: join(base, 'pg') }),
    startNatsCluster({ dir: join(base, 'nats'), usersFile }),
  ]);
  const databaseUrl = await postgres.createDatabase('vitrine_hq');
  pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  pool.on('error', () => undefined); // PostgreSQL stopping at the end ends idle connections

  const hqSeedFile = join(base, 'hq.seed');
  writeFileSync(hqSeedFile, seedText(hqKey), { mode: 0o600 });
  nc = await connect({
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
  hqs = await Promise.all(
    ['hq-a', 'hq-b'].map((name) =>
      launchHeadOffice([
        ...['--database-url', databaseUrl, '--host', '127.0.0.1', '--http-port', '0'],
        ...['--nats-urls', cluster.clientUrls.join(','), '--nats-seed-file', hqSeedFile],
        ...['--data-dir', join(base, name), '--log-level', 'warn'],
      ]),
    ),
  );
  await pool.query(
    `INSERT INTO stores (id, name, time_zone, currency) VALUES ($1, 'Lyon', 'Europe/Paris', 'EUR')`,
    [STORE],
  );
  await waitFor(async () => (await hqEvents()) !== undefined, 'HQ pulling events', 30_000);

  // The store, enrolled: its own seed beside hq-link.json.
  proxies = await Promise.all(
    cluster.nodes.map((node) => startTcpProxy({ targetPort: node.clientPort })),
  );
  const linkDir = join(base, 'link');
  mkdirSync(linkDir);
  writeFileSync(join(linkDir, 'store.seed'), seedText(storeKey), { mode: 0o600 });
  const anchorKey = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' });
  const link = {
    v: 1,
    storeId: STORE,
    natsUrls: proxies.map((proxy) => `nats://127.0.0.1:${proxy.port}`),
    seedFile: 'store.seed',
    trustAnchor: { keyId: 'hq-test', publicKey: anchorKey.x },
  };
  writeFileSync(join(linkDir, 'hq-link.json'), JSON.stringify(link));
  store = await spawnServer({
    dataDir: join(base, 'store'),
    httpPort: await freePort(),
    mqttPort: await freePort(),
    store: { id: STORE },
    extraArgs: ['--plain', 'on', '--hq-link', join(linkDir, 'hq-link.json')],
  });
  const credentials = await Promise.all(
    Array.from({ length: DEVICES }, () => enrolAndApprove(store.url, 'signage')),
  );
  deviceIds = [...credentials.map((credential) => credential.deviceId), ...BACKLOG_DEVICES];
  devices = await Promise.all(credentials.map((c) => startNodeDevice(store.url, c)));
  await Promise.all(devices.map((d) => waitFor(() => d.link?.state === 'online', 'online')));
}, 120_000);

afterAll(async () => {
  await Promise.all(devices.map((device) => device.stop()));
  await store?.kill('SIGKILL');
  await nc?.close();
  await Promise.all(proxies.map((proxy) => proxy.close()));
  await Promise.all(hqs.map((hq) => hq.kill('SIGTERM')));
  await pool?.end();
  await Promise.all([cluster?.stop(), postgres?.stop()]);
  rmSync(base, { recursive: true, force: true });
});

describe('store → head office events on the real chain', () => {
  it('has the declared streams and durable, set by two head offices at once', async () => {
    const jsm = await jetstreamManager(nc, { timeout: 5_000 });
    const events = await jsm.streams.info(STREAMS.events);
    const declared = linkStreams({ eventsMaxBytes: 1 << 30, stockMaxBytes: 1 << 28 });
    expect(events.config).toMatchObject({ ...declared[2], subjects: declared[2]!.subjects });
    expect(events.config.num_replicas).toBe(3);
    const durable = await jsm.consumers.info(STREAMS.events, HQ_DURABLES.events);
    expect(durable.config).toMatchObject(hqConsumers()[0]!.config);
    expect((await jsm.streams.names().next()).toSorted()).toEqual(
      declared.map((stream) => stream.name).toSorted(),
    );
  });

  it('stores every recorded event once, and the store outbox empties', async () => {
    const started = performance.now();
    await Promise.all(devices.map((device) => record(device, 400)));
    const recordedMs = performance.now() - started;
    await Promise.all(
      devices.map((d) => waitFor(async () => (await d.outbox.pending()) === 0, 'at the store')),
    );
    const atStore = performance.now();
    await expectAllOnce(30_000);
    const done = performance.now();
    console.log(
      `${recorded.size} events: recorded in ${Math.round(recordedMs)} ms, ` +
        `${Math.round((recorded.size / (done - started)) * 1000)} events/s end to end, ` +
        `PG ${Math.round(done - atStore)} ms after the store had them (${load()})`,
    );
  });

  it('drains a backlog the store kept while its line was cut', async () => {
    for (const proxy of proxies) proxy.setMode('reset');
    await Promise.all(devices.map((device) => record(device, 300)));
    await Promise.all(
      devices.map((d) => waitFor(async () => (await d.outbox.pending()) === 0, 'at the store')),
    );
    injectBacklog(BACKLOG);
    const backlog = owedByStore();
    expect(backlog).toBeGreaterThanOrEqual(BACKLOG + 900 - 500); // at most a batch slipped out
    const healed = performance.now();
    for (const proxy of proxies) proxy.setMode('pass');
    // The store reconnects on its own backoff; the drain is timed from its first PubAck.
    let firstAck = 0;
    while (owedByStore() > 0) {
      if (!firstAck && owedByStore() < backlog) firstAck = performance.now();
      await sleep(50);
    }
    firstAck ||= performance.now();
    // Reconnection takes ≤ 4 s (STORE_LINK_RECONNECT); nothing published into the cut line is left
    // to time out (10 s) before the drain goes again.
    expect(firstAck - healed).toBeLessThan(7_500);
    await expectAllOnce(30_000);
    const done = performance.now();
    console.log(
      `backlog of ${backlog} events: store back ${Math.round(firstAck - healed)} ms after the heal, ` +
        `then in PG in ${Math.round(done - firstAck)} ms = ` +
        `${Math.round((backlog / (done - firstAck)) * 1000)} events/s (${load()})`,
    );
  });

  it('loses and doubles nothing when the node leading EVENTS is killed -9 mid-flow', async () => {
    const jsm = await jetstreamManager(nc, { timeout: 5_000 });
    const leader = (await jsm.streams.info(STREAMS.events)).cluster?.leader;
    const node = cluster.nodes.find((n) => n.name === leader);
    expect(node, `EVENTS leader ${leader}`).toBeDefined();
    const before = await countInPg();
    const recording = Promise.all(devices.map((device) => record(device, 500)));
    await waitFor(async () => (await countInPg()) > before + 200, 'flow under way', 30_000);
    const killedAt = performance.now();
    await node!.kill('SIGKILL');
    await recording;
    await expectAllOnce(45_000);
    console.log(
      `EVENTS leader ${leader} killed: all ${recorded.size} events once, ` +
        `${Math.round(performance.now() - killedAt)} ms after the kill (${load()})`,
    );
  });

  it('acknowledges only what PostgreSQL committed: a crash mid-ingestion loses nothing', async () => {
    const retriedBefore = (await hqEvents())!.retried;
    const before = await countInPg();
    const recording = Promise.all(devices.map((device) => record(device, 300)));
    await waitFor(async () => (await countInPg()) > before + 100, 'ingestion under way', 30_000);
    await postgres.kill(); // SIGQUIT: PostgreSQL's crash, every connection cut, no checkpoint
    await recording;
    // JetStream holds the rest: the store is done, head office is not.
    await waitFor(() => owedByStore() === 0, 'store outbox empty', 30_000);
    await waitFor(async () => (await hqEvents())!.retried > retriedBefore, 'batches handed back');
    const restarting = performance.now();
    await postgres.start();
    await expectAllOnce(30_000);
    console.log(
      `PostgreSQL crashed mid-ingestion: all ${recorded.size} events once, ` +
        `${Math.round(performance.now() - restarting)} ms after its restart (${load()})`,
    );
  });

  it('absorbs a batch re-published under a new message id, and counts it', async () => {
    const held = await pool.query<{
      device_id: string;
      event_id: string;
      seq: string;
      kind: string;
      at: Date;
      payload: unknown;
    }>(`SELECT * FROM events WHERE store_id = $1 ORDER BY id_time LIMIT 50`, [STORE]);
    const events = held.rows.map((row) => ({
      deviceId: row.device_id,
      event: {
        id: row.event_id,
        seq: Number(row.seq),
        kind: row.kind,
        at: row.at.toISOString(),
        payload: row.payload,
      },
    }));
    const duplicatesBefore = (await hqEvents())!.duplicates;
    const total = await countInPg();
    const message = { v: 1, type: 'events', firstSeq: 1, lastSeq: 50, events };
    await jetstream(nc).publish(storeSubjects(STORE).events, encodeLinkMessage(message), {
      msgID: `${STORE}:resend-${randomBytes(4).toString('hex')}`,
      timeout: 5_000,
    });
    await waitFor(
      async () => (await hqEvents())!.duplicates >= duplicatesBefore + 50,
      'resend absorbed',
      15_000,
    );
    expect((await hqEvents())!.duplicates).toBe(duplicatesBefore + 50);
    expect(await countInPg()).toBe(total);
  });

  it('dead-letters a malformed item and stores the rest of its batch', async () => {
    const event = (seq: number, at: string) => {
      const id = uuidV7(Date.now());
      const payload = { action: 'view', productId: 'p1' };
      return { deviceId: 'kiosk-by-hand', event: { id, seq, kind: 'interaction', at, payload } };
    };
    const now = new Date().toISOString();
    const bad = event(2, 'yesterday at noon');
    const message = {
      v: 1,
      type: 'events',
      firstSeq: 1_000_000,
      lastSeq: 1_000_002,
      events: [event(1, now), bad, event(3, now)],
    };
    const before = (await hqEvents())!;
    await jetstream(nc).publish(storeSubjects(STORE).events, encodeLinkMessage(message), {
      msgID: `${STORE}:by-hand-${randomBytes(4).toString('hex')}`,
      timeout: 5_000,
    });
    await waitFor(async () => (await hqEvents())!.batches > before.batches, 'batch taken', 15_000);
    const after = (await hqEvents())!;
    expect(after.stored - before.stored).toBe(2);
    expect(after.deadLetters - before.deadLetters).toBe(1);
    const dead = await pool.query<{ event_id: string; reason: string }>(
      `SELECT event_id, reason FROM hq_dead_letters WHERE store_id = $1`,
      [STORE],
    );
    expect(dead.rows.map((row) => row.event_id)).toEqual([bad.event.id]);
    expect(dead.rows[0]?.reason).toMatch(/at/);
    const stored = await countInPg(
      `SELECT count(*)::int AS n FROM events WHERE store_id = $1 AND device_id = 'kiosk-by-hand'`,
    );
    expect(stored).toBe(2);
  });
});
