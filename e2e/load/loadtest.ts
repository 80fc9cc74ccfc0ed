// The chain loadtest (plan §7): the chain `npm run chain` starts, with N demo stores, and M
// simulated screens per store in forked workers; then, while the screens send events,
// - publish → showing: head office's publish call (admin API) → each screen holding that
//   revision, verified and chosen;
// - stock → screens: a staff correction at the first store → each of its screens holding it;
// - events: the devices' acked ledgers against head office's PostgreSQL (lost, doubled), and
//   the resident memory of every process with the load average beside it.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, uptime } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { apiRoutes, callRoute, hqRoutes, type CampaignDraftInput } from '@vitrine/shared/core';
import { chainCampaign } from '../../head-office/src/chain/chain-campaign';
import { startChain, type RunningChain } from '../../head-office/src/chain/start-chain';
import { loadAverage, RssSampler, spreadOf, type RssRow, type Spread } from './figures';
import { countStored, eventsFigures, type EventsFigures } from './hq-events';
import { loadStores } from './load-stores';
import { nowMs } from './sim-device';
import { churnTarget, enrolDevices, staffSession, trustAnchorOf } from './store-devices';
import { owedByStores } from './store-outboxes';
import { startWorkerPool, type WorkerPool } from './worker-pool';
import type { DeviceSpec, Seen } from './worker-protocol';

export type LoadtestOptions = {
  repoRoot: string;
  stores: number;
  /** Simulated screens per store. */
  devices: number;
  /** How long the screens send events (the measures run inside this window). */
  seconds: number;
  /** Events each screen records a second. */
  eventRate: number;
  publishes: number;
  corrections: number;
  /** Products in each demo store's catalogue. */
  demoScale: number;
  perWorker: number;
  /** A line of what it is doing, for the person waiting. */
  progress: (line: string) => void;
};

export type Measured = Spread & { missed: number; rounds: number };

export type LoadtestResult = {
  date: string;
  stores: number;
  devicesPerStore: number;
  devices: number;
  workers: number;
  seconds: number;
  eventRate: number;
  setupMs: { chain: number; enrol: number; devicesUp: number };
  failedDevices: { deviceId: string; error: string }[];
  publish: Measured | undefined;
  stock: (Measured & { store: string; storeDevices: number }) | undefined;
  events: EventsFigures;
  rss: RssRow[];
  load: { start: [number, number, number]; end: [number, number, number]; uptimeS: number };
  targets: { name: string; target: string; measured: string; met: boolean }[];
};

const TIME_ZONE = 'Europe/Paris';
const CAMPAIGN_ID = 'loadtest';
const SEEN_TIMEOUT_MS = 30_000;
const STOCK_TIMEOUT_MS = 10_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Events flow this long (or a quarter of the window, if shorter) before the first measure. */
const SETTLE_MAX_MS = 15_000;

function draft(round: number): CampaignDraftInput {
  const text = `Loadtest round ${round}`;
  // Above the chain's welcome campaign (priority 50): the screens' selection picks this one.
  return { ...chainCampaign(text), id: CAMPAIGN_ID, name: 'Loadtest', priority: 90 };
}

/** Per device, the time from `since` to its first sighting matching `wanted` (ms). */
function latencies(
  seen: readonly Seen[],
  devices: readonly DeviceSpec[],
  since: number,
  wanted: (item: Seen) => boolean,
): { values: number[]; missed: number } {
  const first = new Map<string, number>();
  for (const item of seen)
    if (item.at >= since && wanted(item) && !first.has(item.deviceId))
      first.set(item.deviceId, item.at - since);
  const values = devices.flatMap((device) => {
    const value = first.get(device.deviceId);
    return value === undefined ? [] : [value];
  });
  return { values, missed: devices.length - values.length };
}

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check() && Date.now() < deadline) await sleep(20);
}

export async function runLoadtest(options: LoadtestOptions): Promise<LoadtestResult> {
  const say = options.progress;
  const base = mkdtempSync(join(tmpdir(), 'vitrine-loadtest-'));
  chmodSync(base, 0o755); // PostgreSQL runs as its own user
  const loadStart = loadAverage();
  let chain: RunningChain | undefined;
  let pool: WorkerPool | undefined;
  let db: pg.Pool | undefined;
  let sampler: ReturnType<typeof setInterval> | undefined;
  let finished = false;
  try {
    let started = Date.now();
    say(`starting the chain: PostgreSQL, NATS ×3, head office, ${options.stores} stores`);
    chain = await startChain({
      repoRoot: options.repoRoot,
      dir: join(base, 'chain'),
      basePort: 0,
      demoScale: options.demoScale,
      stores: loadStores(options.stores),
      say: (line) => say(line),
    });
    const chainMs = Date.now() - started;
    const running = chain;
    const rss = new RssSampler(() => ({
      'store servers': running.stores.map((store) => store.process.pid),
      'head office': [running.parts.hq.process.pid],
      'NATS nodes': running.parts.cluster.nodes.flatMap((node) =>
        node.pid === undefined ? [] : [node.pid],
      ),
      PostgreSQL: running.parts.postgres.processes(),
      'device workers': pool?.pids() ?? [],
      'runner (this process)': [process.pid],
    }));
    rss.sample();
    sampler = setInterval(() => rss.sample(), 2_000);

    started = Date.now();
    say(`enrolling ${options.devices} screens in each store (staff approve each pairing code)`);
    const perStore = await Promise.all(
      running.endpoints.stores.map((store) => enrolDevices(store, options.devices, 2)),
    );
    const devices = perStore.flat();
    const enrolMs = Date.now() - started;
    const churnStore = running.endpoints.stores[0]!;
    const watch = await churnTarget(churnStore, devices[0]!);
    const anchor = await trustAnchorOf(churnStore);

    started = Date.now();
    pool = startWorkerPool(devices, options.perWorker);
    say(
      `${devices.length} screens connecting and pulling their first copy in ${pool.pids().length} workers`,
    );
    const { failed } = await pool.start({ anchor, timeZone: TIME_ZONE, watch, concurrency: 8 });
    const devicesUpMs = Date.now() - started;
    if (failed.length > 0) say(`${failed.length} screens did not start: ${failed[0]!.error}`);
    const live = devices.filter((device) => !failed.some((f) => f.deviceId === device.deviceId));

    db = new pg.Pool({ connectionString: running.parts.databaseUrl, max: 2 });
    const deviceIds = devices.map((device) => device.deviceId);
    const eventsFrom = Date.now();
    pool.events(options.eventRate);
    say(`events on: ${options.eventRate}/s from each screen`);
    // The measures start in a steady flow, not in the instant every screen starts sending.
    await sleep(Math.min(SETTLE_MAX_MS, (options.seconds * 1_000) / 4));

    // Publish → showing, round after round, each a new revision of the one campaign.
    const hq = {
      baseUrl: running.parts.hq.url,
      authorization: () => `Bearer ${running.endpoints.headOffice.adminToken}`,
    };
    const publishValues: number[] = [];
    let publishMissed = 0;
    for (let round = 1; round <= options.publishes; round++) {
      const since = nowMs();
      const published = await callRoute(hq, hqRoutes.campaigns.publish, { body: draft(round) });
      const answeredMs = nowMs() - since;
      const holds = (item: Seen) =>
        item.kind === 'campaign' && item.key === CAMPAIGN_ID && item.value >= published.revision;
      const showing = () => new Set(pool!.seen.filter(holds).map((item) => item.deviceId)).size;
      await until(() => showing() >= live.length, SEEN_TIMEOUT_MS);
      const measured = latencies(pool.seen, live, since, holds);
      publishValues.push(...measured.values);
      publishMissed += measured.missed;
      say(
        `publish r${published.revision}: head office answered in ${Math.round(answeredMs)} ms; ${measured.values.length}/${live.length} screens showing, first ${Math.round(Math.min(...measured.values))} ms, slowest ${Math.round(Math.max(0, ...measured.values))} ms`,
      );
      await sleep(1_000);
    }

    // Stock → the first store's screens, correction after correction.
    const staff = await staffSession(churnStore);
    const storeDevices = live.filter((device) => device.storeId === churnStore.id);
    const stockValues: number[] = [];
    let stockMissed = 0;
    for (let round = 1; round <= options.corrections; round++) {
      const quantity = 50_000 + round;
      const since = nowMs();
      await callRoute(staff, apiRoutes.stock.correct, {
        body: { ...watch, quantity, reason: 'count' },
      });
      const holds = (item: Seen) =>
        item.kind === 'stock' && item.key === watch.productId && item.value >= quantity;
      const holding = () =>
        new Set(pool!.seen.filter((item) => item.at >= since && holds(item)).map((i) => i.deviceId))
          .size;
      await until(() => holding() >= storeDevices.length, STOCK_TIMEOUT_MS);
      const measured = latencies(pool.seen, storeDevices, since, holds);
      stockValues.push(...measured.values);
      stockMissed += measured.missed;
      await sleep(300);
    }
    say(`stock: ${options.corrections} corrections at ${churnStore.id} seen by its screens`);

    const left = options.seconds * 1_000 - (Date.now() - eventsFrom);
    if (left > 0) {
      say(`events flowing for ${Math.round(left / 1_000)} s more`);
      await sleep(left);
    }
    say('events off: draining every outbox, then waiting for head office to hold them');
    const ledgers = await pool.drain(60_000);
    const acked = ledgers.reduce((sum, ledger) => sum + ledger.acked.length, 0);
    const drainDeadline = Date.now() + 90_000;
    while ((await countStored(db, deviceIds)) < acked && Date.now() < drainDeadline)
      await sleep(500);
    const events = await eventsFigures(db, ledgers, owedByStores(running.endpoints.stores));
    rss.sample();

    const publish = spreadOf(publishValues);
    const stock = spreadOf(stockValues);
    const loadEnd = loadAverage();
    const targets = [
      {
        name: 'HQ publish → every screen showing, p99',
        target: '≤ 3000 ms',
        measured: publish ? `${publish.p99} ms (${publishMissed} missed)` : 'none',
        met: !!publish && publish.p99 <= 3_000 && publishMissed === 0,
      },
      {
        name: `stock correction → ${storeDevices.length} screens of one store, p99`,
        target: '≤ 250 ms',
        measured: stock ? `${stock.p99} ms (${stockMissed} missed)` : 'none',
        met: !!stock && stock.p99 <= 250 && stockMissed === 0,
      },
      { name: 'events lost', target: '0', measured: String(events.lost), met: events.lost === 0 },
      {
        name: 'events doubled',
        target: '0',
        measured: `${events.doubledBySeq} by seq, ${events.doubledByPlay} by playId`,
        met: events.doubledBySeq === 0 && events.doubledByPlay === 0,
      },
    ];
    const result: LoadtestResult = {
      date: new Date().toISOString(),
      stores: options.stores,
      devicesPerStore: options.devices,
      devices: devices.length,
      workers: pool.pids().length,
      seconds: options.seconds,
      eventRate: options.eventRate,
      setupMs: { chain: chainMs, enrol: enrolMs, devicesUp: devicesUpMs },
      failedDevices: failed,
      publish: publish && { ...publish, missed: publishMissed, rounds: options.publishes },
      stock: stock && {
        ...stock,
        missed: stockMissed,
        rounds: options.corrections,
        store: churnStore.id,
        storeDevices: storeDevices.length,
      },
      events,
      rss: rss.table(),
      load: { start: loadStart, end: loadEnd, uptimeS: Math.round(uptime()) },
      targets,
    };
    finished = true;
    return result;
  } finally {
    if (sampler) clearInterval(sampler);
    await pool?.stop().catch(() => undefined);
    await db?.end().catch(() => undefined);
    await chain?.stop().catch(() => undefined);
    // A failed run keeps its logs (each store's, head office's) for whoever reads the error.
    if (finished) rmSync(base, { recursive: true, force: true });
    else say(`logs kept in ${base}`);
  }
}
