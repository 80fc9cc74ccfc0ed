// Head office's reports and fleet view at chain scale (issue 16 item 3): a real PostgreSQL 15
// holding 5,000 stores × 20 screens and 30 days of synthetic daily rollups (hq-reports-data.ts),
// a head office in this process, and each report and fleet page asked for through its HTTP route
// with the typed client: first pages, deep pages (a cursor near the end of the stores) and
// filtered ones, p50 and p95 of sequential calls. Then the ingest cost of the rollups: events/s
// through storeEventsBatch with and without them, in alternating rounds.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiClient, hqRoutes } from '@vitrine/shared/core';
import { startPostgres } from '@vitrine/head-office/local';
import { storeEventsBatch } from '../../head-office/src/events/store-batch';
import { eventsBatch, storeEvent } from '../../head-office/src/events/test-events';
import { encodeCursor } from '../../head-office/src/reports/report-page';
import { startHeadOffice } from '../../head-office/src/server';
import { DAYS, FIRST_DAY, generateChainHistory, LAST_DAY, STORES } from './hq-reports-data';
import { percentile, round, type BenchResult } from './stats';

const TOKEN = 'bench-hq-reports-token-0123456789';
const SAMPLES = 20;
const WARM_UP = 2;
const TARGET_MS = 1_000;
/** Ingest: rounds alternate with and without rollups, so the machine's load falls on both. */
const INGEST_ROUNDS = 4;
const BATCHES_PER_ROUND = 20;
const BATCH_EVENTS = 500;
const INGEST_STORES = 200;

type Client = ReturnType<typeof apiClient<typeof hqRoutes>>;
type Case = { name: string; call: (client: Client) => Promise<{ rows: number }> };

const range = { from: FIRST_DAY, to: LAST_DAY };
const deepStore = `st${String(Math.floor(STORES * 0.8)).padStart(4, '0')}`;

const rows = (page: { rows: unknown[] }) => ({ rows: page.rows.length });
const screens = (page: { screens: unknown[] }) => ({ rows: page.screens.length });

type PlaysQuery = typeof range & {
  region?: string;
  store?: string;
  campaign?: string;
  after?: string;
};
const plays = (name: string, query: PlaysQuery): Case => ({
  name: `plays: ${name}`,
  call: async (client) => rows(await client.reports.plays({ query })),
});

function cases(): Case[] {
  const dayAgo = new Date(Date.now() - 24 * 60 * 60 * 1000).toISOString();
  const deep = (...keys: string[]) => encodeCursor([deepStore, FIRST_DAY, ...keys]);
  return [
    plays('first page', range),
    plays('deep page', { ...range, after: deep('c00', 'i1') }),
    plays('one region', { ...range, region: 'r07' }),
    plays('one store', { ...range, store: 'st2500' }),
    plays('one campaign', { ...range, campaign: 'c07' }),
    plays('one campaign, deep', { ...range, campaign: 'c07', after: deep('c07', 'i1') }),
    {
      name: 'plays by day: one region',
      call: async (client) =>
        rows(await client.reports.playsByDay({ query: { ...range, region: 'r07' } })),
    },
    {
      name: 'plays by day: one campaign, every store',
      call: async (client) =>
        rows(await client.reports.playsByDay({ query: { ...range, campaign: 'c07' } })),
    },
    {
      name: 'screen plays: first page',
      call: async (client) => rows(await client.reports.screenPlays({ query: range })),
    },
    {
      name: 'screen plays: deep page',
      call: async (client) =>
        rows(await client.reports.screenPlays({ query: { ...range, after: deep('d00') } })),
    },
    {
      name: 'feedback: first page',
      call: async (client) => rows(await client.reports.feedback({ query: range })),
    },
    {
      name: 'feedback: one region',
      call: async (client) =>
        rows(await client.reports.feedback({ query: { ...range, region: 'r31' } })),
    },
    {
      name: 'requests: first page',
      call: async (client) => rows(await client.reports.requests({ query: range })),
    },
    {
      name: 'requests: deep page',
      call: async (client) =>
        rows(await client.reports.requests({ query: { ...range, after: deep('help') } })),
    },
    { name: 'fleet: first page', call: async (client) => screens(await client.fleet.list()) },
    {
      name: 'fleet: deep page',
      call: async (client) =>
        screens(await client.fleet.list({ query: { afterStore: deepStore, afterDevice: 'd10' } })),
    },
    {
      name: 'fleet: offline',
      call: async (client) => screens(await client.fleet.list({ query: { status: 'offline' } })),
    },
    {
      name: 'fleet: quiet for a day',
      call: async (client) =>
        screens(await client.fleet.list({ query: { contactBefore: dayAgo } })),
    },
    {
      name: 'fleet: one region, offline, deep',
      call: async (client) =>
        screens(
          await client.fleet.list({
            query: { region: 'r07', status: 'offline', afterStore: deepStore, afterDevice: 'd00' },
          }),
        ),
    },
  ];
}

async function measure(client: Client, each: Case) {
  for (let i = 0; i < WARM_UP; i++) await each.call(client);
  const times: number[] = [];
  let count = 0;
  for (let i = 0; i < SAMPLES; i++) {
    const started = performance.now();
    count = (await each.call(client)).rows;
    times.push(performance.now() - started);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95), rows: count };
}

/** A store's batch as its drainer sends it: mostly ends of plays, then the other kinds. */
function batchOf(storeIndex: number, time: number) {
  const items = Array.from({ length: BATCH_EVENTS }, (_, i) => {
    const at = time + i;
    const device = `d${String(i % 20).padStart(2, '0')}`;
    const pick = i % 20;
    if (pick < 14)
      return storeEvent(
        'proof-of-play',
        {
          campaignId: `c${String((storeIndex + (i % 6) * 7) % 40).padStart(2, '0')}`,
          itemId: `i${1 + (i % 2)}`,
          playId: `${storeIndex}-${time}-${i}`,
          phase: 'end',
          durationMs: 8_000,
        },
        at,
        device,
      );
    if (pick < 17)
      return storeEvent('interaction', { action: 'view', productId: 'p1' }, at, device);
    if (pick < 19)
      return storeEvent(
        'feedback',
        { target: 'product', productId: 'p7', value: 'like' },
        at,
        device,
      );
    return storeEvent('request', { type: 'help' }, at, device);
  });
  return eventsBatch(items);
}

async function ingestRates(pool: Parameters<typeof storeEventsBatch>[0]) {
  const elapsed = { with: 0, without: 0 };
  const stored = { with: 0, without: 0 };
  let batchNo = 0;
  for (let round = 0; round < INGEST_ROUNDS * 2; round++) {
    const rollups = round % 2 === 0;
    // Encoded first: the time is PostgreSQL's and the statement's, not JSON's.
    const batches = Array.from({ length: BATCHES_PER_ROUND }, () => {
      const storeIndex = batchNo++ % INGEST_STORES;
      return {
        store: `st${String(storeIndex).padStart(4, '0')}`,
        data: batchOf(storeIndex, Date.now() - 60_000),
      };
    });
    const started = performance.now();
    for (const batch of batches) {
      const outcome = await storeEventsBatch(pool, batch.store, batch.data, Date.now(), rollups);
      stored[rollups ? 'with' : 'without'] += outcome.stored;
    }
    elapsed[rollups ? 'with' : 'without'] += performance.now() - started;
  }
  return {
    withRollups: stored.with / (elapsed.with / 1000),
    withoutRollups: stored.without / (elapsed.without / 1000),
    events: stored.with + stored.without,
  };
}

export async function benchHqReports(): Promise<BenchResult[]> {
  const base = mkdtempSync(join(tmpdir(), 'vt-bench-hq-reports-'));
  chmodSync(base, 0o755); // PostgreSQL runs as user postgres and must reach its directory
  const postgres = await startPostgres({ dir: join(base, 'pg') });
  const load = [loadavg()[0]!];
  try {
    const hq = await startHeadOffice({
      databaseUrl: await postgres.createDatabase('hq_reports'),
      httpHost: '127.0.0.1',
      httpPort: 0,
      adminToken: TOKEN,
      dataDir: join(base, 'hq'),
      logLevel: 'warn',
    });
    try {
      const generating = performance.now();
      const history = await generateChainHistory(hq.pool);
      const generateMs = performance.now() - generating;
      process.stdout.write(
        `bench: hq-reports history in ${round(generateMs / 1000)} s ${JSON.stringify(history)}\n`,
      );
      const client = apiClient(hqRoutes, {
        baseUrl: hq.url,
        authorization: () => `Bearer ${TOKEN}`,
      });
      const results: BenchResult[] = [];
      for (const each of cases()) {
        const { p50, p95, rows: count } = await measure(client, each);
        load.push(loadavg()[0]!);
        results.push({
          name: `hq-reports: ${each.name}`,
          metric: 'p95',
          value: round(p95),
          unit: 'ms',
          target: `p95 ≤ ${TARGET_MS} ms`,
          pass: p95 <= TARGET_MS && count > 0,
          detail: {
            p50: round(p50),
            rows: count,
            samples: SAMPLES,
            load1: round(loadavg()[0]!, 2),
          },
        });
      }
      const ingest = await ingestRates(hq.pool);
      load.push(loadavg()[0]!);
      results.push({
        name: 'hq-reports: ingest with rollups',
        metric: 'events/s',
        value: Math.round(ingest.withRollups),
        unit: 'events/s',
        target: 'measured: the rollups’ cost',
        pass: true,
        detail: {
          withoutRollups: Math.round(ingest.withoutRollups),
          ratio: round(ingest.withRollups / ingest.withoutRollups, 2),
          events: ingest.events,
          batchEvents: BATCH_EVENTS,
        },
      });
      const summary = results[0]!;
      summary.detail = {
        ...summary.detail,
        stores: STORES,
        days: DAYS,
        generateSeconds: round(generateMs / 1000),
        ...Object.fromEntries(
          Object.entries(history.tables).map(([table, size]) => [`${table}Rows`, size.rows]),
        ),
        loadMin: round(Math.min(...load), 2),
        loadMax: round(Math.max(...load), 2),
      };
      return results;
    } finally {
      await hq.stop();
    }
  } finally {
    await postgres.stop();
    rmSync(base, { recursive: true, force: true });
  }
}
