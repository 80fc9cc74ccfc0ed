// Store → head office events, exactly once (16-plan §3.5), on the real chain of
// support/events-chain.ts: devices record through the store's MQTT path, and every event reaches
// PostgreSQL once, through a cut line with a backlog, a kill -9 of the node leading EVENTS and a
// PostgreSQL crash mid-ingestion; a batch re-published under a new message id is absorbed and
// counted; a malformed item is a dead letter beside its stored rest.
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
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
import { startEventsChain, uuidV7, type EventsChain } from '../support/events-chain';
import { startNodeDevice } from '../support/node-device';
import { enrolAndApprove } from '../support/server-process';
import { waitFor } from '../support/test-server';

const STORE = 'lyon-part-dieu';
const DEVICES = 3;
const BACKLOG = 20_000;
const BACKLOG_DEVICES = ['bench-1', 'bench-2', 'bench-3', 'bench-4'];
const load = () => `load ${loadavg()[0]?.toFixed(1)}`;

let chain: EventsChain;
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
  (await chain.pool.query<{ n: number }>(sql, [STORE])).rows[0]!.n;
const owedByStore = () => chain.owedByStore();
const hqEvents = () => chain.hqEvents();

/** Every recorded event is in PostgreSQL exactly once, and the store owes nothing. */
async function expectAllOnce(timeoutMs: number): Promise<void> {
  await waitFor(async () => (await countInPg()) >= recorded.size, 'all events in PG', timeoutMs);
  await waitFor(() => owedByStore() === 0, 'store outbox empty', timeoutMs);
  const rows = await chain.pool.query<{ event_id: string }>(
    `SELECT event_id FROM events WHERE store_id = $1 AND device_id = ANY($2)`,
    [STORE, deviceIds],
  );
  const ids = rows.rows.map((row) => row.event_id);
  expect(ids.length).toBe(recorded.size);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.filter((id) => !recorded.has(id))).toEqual([]);
  // Doubled independently of the key: one (device, seq) twice would be a second copy.
  const doubled = await chain.pool.query(
    `SELECT device_id, seq FROM events WHERE store_id = $1 GROUP BY 1, 2 HAVING count(*) > 1`,
    [STORE],
  );
  expect(doubled.rows).toEqual([]);
}

beforeAll(async () => {
  chain = await startEventsChain(STORE);
  const credentials = await Promise.all(
    Array.from({ length: DEVICES }, () => enrolAndApprove(chain.store.url, 'signage')),
  );
  deviceIds = [...credentials.map((credential) => credential.deviceId), ...BACKLOG_DEVICES];
  devices = await Promise.all(credentials.map((c) => startNodeDevice(chain.store.url, c)));
  await Promise.all(devices.map((d) => waitFor(() => d.link?.state === 'online', 'online')));
}, 120_000);

afterAll(async () => {
  await Promise.all(devices.map((device) => device.stop()));
  await chain?.stop();
});

describe('store → head office events on the real chain', () => {
  it('has the declared streams and durable, set by two head offices at once', async () => {
    const jsm = await jetstreamManager(chain.nc, { timeout: 5_000 });
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
    for (const proxy of chain.proxies) proxy.setMode('reset');
    await Promise.all(devices.map((device) => record(device, 300)));
    await Promise.all(
      devices.map((d) => waitFor(async () => (await d.outbox.pending()) === 0, 'at the store')),
    );
    for (const id of chain.injectBacklog(BACKLOG, BACKLOG_DEVICES)) recorded.add(id);
    const backlog = owedByStore();
    expect(backlog).toBeGreaterThanOrEqual(BACKLOG + 900 - 500); // at most a batch slipped out
    const healed = performance.now();
    for (const proxy of chain.proxies) proxy.setMode('pass');
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
    const jsm = await jetstreamManager(chain.nc, { timeout: 5_000 });
    const leader = (await jsm.streams.info(STREAMS.events)).cluster?.leader;
    const node = chain.cluster.nodes.find((n) => n.name === leader);
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
    await chain.postgres.kill(); // SIGQUIT: PostgreSQL's crash, every connection cut, no checkpoint
    await recording;
    // JetStream holds the rest: the store is done, head office is not.
    await waitFor(() => owedByStore() === 0, 'store outbox empty', 30_000);
    await waitFor(async () => (await hqEvents())!.retried > retriedBefore, 'batches handed back');
    const restarting = performance.now();
    await chain.postgres.start();
    await expectAllOnce(30_000);
    console.log(
      `PostgreSQL crashed mid-ingestion: all ${recorded.size} events once, ` +
        `${Math.round(performance.now() - restarting)} ms after its restart (${load()})`,
    );
  });

  it('absorbs a batch re-published under a new message id, and counts it', async () => {
    const held = await chain.pool.query<{
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
    await jetstream(chain.nc).publish(storeSubjects(STORE).events, encodeLinkMessage(message), {
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
    await jetstream(chain.nc).publish(storeSubjects(STORE).events, encodeLinkMessage(message), {
      msgID: `${STORE}:by-hand-${randomBytes(4).toString('hex')}`,
      timeout: 5_000,
    });
    await waitFor(async () => (await hqEvents())!.batches > before.batches, 'batch taken', 15_000);
    const after = (await hqEvents())!;
    expect(after.stored - before.stored).toBe(2);
    expect(after.deadLetters - before.deadLetters).toBe(1);
    const dead = await chain.pool.query<{ event_id: string; reason: string }>(
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
