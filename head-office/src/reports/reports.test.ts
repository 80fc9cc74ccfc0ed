// The reports on a real PostgreSQL 15 through head office's own HTTP API: the daily rollups count
// each stored event once (the same batch twice, a resend under a new message id, the one-by-one
// path), an event lands on its store's local day (Paris and Montreal around midnight UTC), pages
// walk every row once in order under the filters through indexes, and bad input is a 4xx.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PREFIX, apiClient, hqRoutes } from '@vitrine/shared/core';
import { startTestPostgres, type TestPostgres } from '../local/test-postgres';
import { startHeadOffice, type HeadOffice } from '../server';
import { storeEventsBatch } from '../events/store-batch';
import { eventsBatch, storeEvent } from '../events/test-events';
import { reportPageQuery } from './report-page';
import { PLAYS, REQUESTS } from './reports';

const TOKEN = 'reports-admin-token-0123456789';
const at = (iso: string) => Date.parse(iso);

let postgres: TestPostgres;
let hq: HeadOffice;
let dir: string;
let client: ReturnType<typeof apiClient<typeof hqRoutes>>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vt-hq-reports-'));
  postgres = await startTestPostgres();
  hq = await startHeadOffice({
    databaseUrl: await postgres.freshDatabase(),
    httpHost: '127.0.0.1',
    httpPort: 0,
    adminToken: TOKEN,
    dataDir: join(dir, 'hq'),
    logLevel: 'silent',
  });
  client = apiClient(hqRoutes, { baseUrl: hq.url, authorization: () => `Bearer ${TOKEN}` });
  await hq.pool.query(
    `INSERT INTO regions (id, name) VALUES ('eu', 'Europe'), ('na', 'North America');
     INSERT INTO stores (id, name, region_id, time_zone, currency) VALUES
       ('paris', 'Paris', 'eu', 'Europe/Paris', 'EUR'),
       ('montreal', 'Montréal', 'na', 'America/Montreal', 'CAD')`,
  );
});
afterAll(async () => {
  await hq?.stop();
  await postgres?.remove();
  rmSync(dir, { recursive: true, force: true });
});

const played = (campaignId: string, time: number, options: { interrupted?: boolean } = {}) =>
  storeEvent(
    'proof-of-play',
    {
      campaignId,
      itemId: 'poster',
      playId: `play-${time}-${Math.random()}`,
      phase: 'end',
      durationMs: 8_000,
      ...options,
    },
    time,
    'screen-1',
  );

describe('the daily rollups', () => {
  it('count each stored event once: the same batch twice, a resend under a new id, one by one', async () => {
    const noon = at('2026-12-05T11:00:00Z');
    const events = [
      played('xmas', noon),
      played('xmas', noon + 1_000),
      played('xmas', noon + 2_000, { interrupted: true }),
      // A start is not a play: only the end counts.
      { ...played('xmas', noon + 3_000), event: { ...played('xmas', noon).event } },
      storeEvent('feedback', { target: 'product', productId: 'p1', value: 'like' }, noon),
      storeEvent('feedback', { target: 'product', productId: 'p1', value: 'dislike' }, noon),
      storeEvent('feedback', { target: 'help', value: 'red' }, noon),
      storeEvent('request', { type: 'size', productId: 'p1' }, noon),
      storeEvent('interaction', { action: 'scan', productId: 'p1' }, noon),
    ];
    const start = events[3]!.event as { payload: { phase: string } };
    start.payload = { ...start.payload, phase: 'start' };

    expect(await storeEventsBatch(hq.pool, 'paris', eventsBatch(events))).toMatchObject({
      stored: 9,
    });
    expect(await storeEventsBatch(hq.pool, 'paris', eventsBatch(events))).toMatchObject({
      stored: 0,
      duplicates: 9,
    });
    // Days later the store resends part of it under other seqs (another message id), with one
    // new play; a value PostgreSQL refuses sends the batch down the one-by-one path.
    const refused = played('xmas', noon);
    refused.event.at = '0000-01-01T00:00:00Z';
    const resend = [...events.slice(0, 5), played('xmas', noon + 4_000), refused];
    expect(await storeEventsBatch(hq.pool, 'paris', eventsBatch(resend, 40))).toMatchObject({
      stored: 1,
      duplicates: 5,
      deadLetters: 1,
    });

    const day = { from: '2026-12-05', to: '2026-12-05', store: 'paris' };
    expect((await client.reports.plays({ query: day })).rows).toEqual([
      {
        storeId: 'paris',
        day: '2026-12-05',
        campaignId: 'xmas',
        itemId: 'poster',
        plays: 3,
        interrupted: 1,
        playedMs: 32_000,
      },
    ]);
    expect((await client.reports.screenPlays({ query: day })).rows).toMatchObject([
      { deviceId: 'screen-1', plays: 3, interrupted: 1, playedMs: 32_000 },
    ]);
    expect((await client.reports.feedback({ query: day })).rows).toEqual([
      {
        storeId: 'paris',
        day: '2026-12-05',
        target: 'help',
        productId: null,
        likes: 0,
        dislikes: 0,
        green: 0,
        orange: 0,
        red: 1,
      },
      {
        storeId: 'paris',
        day: '2026-12-05',
        target: 'product',
        productId: 'p1',
        likes: 1,
        dislikes: 1,
        green: 0,
        orange: 0,
        red: 0,
      },
    ]);
    expect((await client.reports.requests({ query: day })).rows).toEqual([
      { storeId: 'paris', day: '2026-12-05', type: 'size', n: 1 },
    ]);
  });

  it('count a batch once when two head-office processes store it at the same time', async () => {
    const noon = at('2026-12-04T11:00:00Z');
    const events = Array.from({ length: 50 }, (_, i) => played('race', noon + i * 1_000));
    // The original and its resend under another message id, in two transactions at once: the
    // second waits on the first's rows, finds them stored and inserts (and counts) nothing.
    const outcomes = await Promise.all([
      storeEventsBatch(hq.pool, 'montreal', eventsBatch(events)),
      storeEventsBatch(hq.pool, 'montreal', eventsBatch([...events].reverse(), 900)),
    ]);
    expect(outcomes.map((outcome) => outcome.stored).sort()).toEqual([0, 50]);
    const day = { from: '2026-12-04', to: '2026-12-04', store: 'montreal', campaign: 'race' };
    expect((await client.reports.plays({ query: day })).rows).toMatchObject([
      { day: '2026-12-04', plays: 50, interrupted: 0, playedMs: 400_000 },
    ]);
  });

  it("puts an event on its store's local day: Paris and Montreal around midnight UTC", async () => {
    const times = [
      '2026-12-06T22:59:00Z', // Paris 23:59 on the 6th, Montreal 17:59 on the 6th
      '2026-12-06T23:30:00Z', // Paris 00:30 on the 7th, Montreal 18:30 on the 6th
      '2026-12-07T04:59:00Z', // Paris 05:59 on the 7th, Montreal 23:59 on the 6th
      '2026-12-07T05:00:00Z', // Paris 06:00 on the 7th, Montreal 00:00 on the 7th
    ].map(at);
    for (const store of ['paris', 'montreal']) {
      const requests = times.map((time) => storeEvent('request', { type: 'help' }, time));
      await storeEventsBatch(hq.pool, store, eventsBatch(requests));
    }
    const query = { from: '2026-12-06', to: '2026-12-07' };
    const rows = (await client.reports.requests({ query })).rows;
    expect(rows.map(({ storeId, day, n }) => [storeId, day, n])).toEqual([
      ['montreal', '2026-12-06', 3],
      ['montreal', '2026-12-07', 1],
      ['paris', '2026-12-06', 1],
      ['paris', '2026-12-07', 3],
    ]);
    const europe = await client.reports.requests({ query: { ...query, region: 'eu' } });
    expect(europe.rows.map((row) => row.storeId)).toEqual(['paris', 'paris']);
  });
});

type PlanNode = { 'Node Type': string; 'Relation Name'?: string; Plans?: PlanNode[] };
/** Every table read in a plan: [how, which table]. */
const reads = (plan: PlanNode): [string, string][] => [
  ...(plan['Relation Name']
    ? [[plan['Node Type'], plan['Relation Name']] as [string, string]]
    : []),
  ...(plan.Plans ?? []).flatMap(reads),
];

describe('report pages', () => {
  beforeAll(async () => {
    // 60 stores × 10 days × 4 request types of synthetic rollups, 30 stores in each region.
    await hq.pool.query(
      `INSERT INTO stores (id, name, region_id, time_zone, currency)
       SELECT 's' || lpad(n::text, 2, '0'), 'Store ' || n, CASE WHEN n % 2 = 0 THEN 'eu' ELSE 'na' END,
              'Europe/Paris', 'EUR' FROM generate_series(0, 59) AS n;
       INSERT INTO requests_daily (store_id, day, type, n)
       SELECT 's' || lpad(s::text, 2, '0'), date '2026-11-01' + d, t, s + d
         FROM generate_series(0, 59) s, generate_series(0, 9) d,
              unnest(ARRAY['delivery', 'help', 'reservation', 'size']) t;
       INSERT INTO pop_daily (store_id, day, campaign_id, item_id, plays, interrupted, played_ms)
       SELECT 's' || lpad(s::text, 2, '0'), date '2026-11-01' + d, 'c' || c, 'i1', 10, 0, 80000
         FROM generate_series(0, 59) s, generate_series(0, 9) d, generate_series(1, 5) c;
       ANALYZE stores; ANALYZE requests_daily; ANALYZE pop_daily`,
    );
  });

  it('walk every row once, in order, under the filters', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    const query = { from: '2026-11-03', to: '2026-11-07', limit: 11 };
    do {
      const page = await client.reports.requests({ query: { ...query, after } });
      seen.push(...page.rows.map((row) => `${row.storeId}/${row.day}/${row.type}`));
      after = page.next ?? undefined;
      pages++;
    } while (after);
    const synthetic = seen.filter((key) => /^s\d\d\//.test(key));
    expect(synthetic).toHaveLength(60 * 5 * 4);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...seen].sort());
    expect(pages).toBe(Math.ceil(seen.length / 11));

    const north = await client.reports.requests({
      query: { from: '2026-11-03', to: '2026-11-05', region: 'na', limit: 500 },
    });
    const odd = (row: { storeId: string }) => /^s\d[13579]$/.test(row.storeId);
    expect(north.rows.every((row) => row.storeId === 'montreal' || odd(row))).toBe(true);
    expect(north.rows.filter(odd)).toHaveLength(30 * 3 * 4);
    expect(north.next).toBeNull();
    const one = await client.reports.plays({
      query: { from: '2026-11-01', to: '2026-11-10', store: 's42', campaign: 'c3' },
    });
    expect(one.rows.map((row) => [row.day, row.campaignId])).toEqual(
      Array.from({ length: 10 }, (_, d) => [`2026-11-${String(d + 1).padStart(2, '0')}`, 'c3']),
    );
    expect(one.next).toBeNull();
  });

  it('sum a region’s or a campaign’s stores per day and campaign, a page at a time', async () => {
    const byDay: string[] = [];
    let after: string | undefined;
    do {
      const page = await client.reports.playsByDay({
        query: { from: '2026-11-01', to: '2026-11-10', region: 'na', limit: 7, after },
      });
      for (const row of page.rows) {
        expect(row).toMatchObject({ stores: 30, plays: 300, interrupted: 0, playedMs: 2_400_000 });
        byDay.push(`${row.day}/${row.campaignId}`);
      }
      after = page.next ?? undefined;
    } while (after);
    expect(byDay).toHaveLength(10 * 5);
    expect(byDay).toEqual([...new Set(byDay)].sort());
    const campaign = await client.reports.playsByDay({
      query: { from: '2026-11-02', to: '2026-11-03', campaign: 'c3' },
    });
    expect(campaign.rows).toEqual([
      {
        day: '2026-11-02',
        campaignId: 'c3',
        stores: 60,
        plays: 600,
        interrupted: 0,
        playedMs: 4_800_000,
      },
      {
        day: '2026-11-03',
        campaignId: 'c3',
        stores: 60,
        plays: 600,
        interrupted: 0,
        playedMs: 4_800_000,
      },
    ]);
  });

  it('EXPLAIN: the rollups are read through their indexes, a deep page too', async () => {
    const cases = [
      reportPageQuery(REQUESTS, { from: '2026-11-01', to: '2026-11-10' }, undefined, 500),
      reportPageQuery(
        REQUESTS,
        { from: '2026-11-01', to: '2026-11-10', region: 'na' },
        ['s41', '2026-11-04', 'help'],
        500,
      ),
      reportPageQuery(
        PLAYS,
        { from: '2026-11-01', to: '2026-11-10', equal: { campaign_id: 'c2' } },
        ['s30', '2026-11-04', 'c2', 'i1'],
        100,
      ),
    ];
    for (const query of cases) {
      const explained = await hq.pool.query<{ 'QUERY PLAN': unknown }>(
        `EXPLAIN (FORMAT JSON) ${query.text}`,
        query.values,
      );
      const plan = (explained.rows[0]!['QUERY PLAN'] as { Plan: PlanNode }[])[0]!.Plan;
      const rollupReads = reads(plan).filter(([, table]) => table !== 'stores');
      expect(rollupReads.length, JSON.stringify(plan)).toBeGreaterThan(0);
      for (const [kind] of rollupReads)
        expect(kind, JSON.stringify(plan)).toMatch(/^(Index|Index Only|Bitmap Heap) Scan$/);
    }
  });
});

describe('bad input', () => {
  const get = async (path: string, token: string | null = TOKEN) => {
    const response = await fetch(`${hq.url}${API_PREFIX}${path}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    return {
      status: response.status,
      json: (await response.json()) as { error: { code: string } },
    };
  };
  const plays = hqRoutes.reports.plays.path;

  it('is a 4xx with a clear code, never a 500', async () => {
    const bad = [
      `${plays}`,
      `${plays}?from=2026-12-01`,
      `${plays}?from=2026-12-01&to=2026-13-01`,
      `${plays}?from=2026-12-05&to=2026-12-01`,
      `${plays}?from=2025-01-01&to=2026-12-01`,
      `${plays}?from=2026-12-01&to=2026-12-02&limit=0`,
      `${plays}?from=2026-12-01&to=2026-12-02&limit=501`,
      `${plays}?from=2026-12-01&to=2026-12-02&store=no%20spaces`,
      `${plays}?from=2026-12-01&to=2026-12-02&campaign=${'x'.repeat(65)}`,
      `${hqRoutes.reports.requests.path}?from=2026-12-01&to=2026-12-02&after=!!`,
      `${hqRoutes.fleet.list.path}?contactBefore=yesterday`,
      // The chain's every store summed per request: refused, name a region, store or campaign.
      `${hqRoutes.reports.playsByDay.path}?from=2026-12-01&to=2026-12-02`,
      `${hqRoutes.reports.playsByDay.path}?from=2026-12-01&to=2026-12-02&region=eu&after=e30`,
    ];
    for (const path of bad) {
      const answer = await get(path);
      expect(answer.status, path).toBe(400);
      expect(answer.json.error.code, path).toMatch(/^[a-z_]+$/);
    }
    // Cursors that parse but are not this report's: another report's, or a forged one.
    const playsCursor = (
      await client.reports.plays({ query: { from: '2026-11-01', to: '2026-11-10', limit: 1 } })
    ).next!;
    const forged = Buffer.from(JSON.stringify(['s01', 'soon', 'help'])).toString('base64url');
    for (const after of [playsCursor, forged, Buffer.from('[1,2,3]').toString('base64url')]) {
      const answer = await get(
        `${hqRoutes.reports.requests.path}?from=2026-11-01&to=2026-11-10&after=${after}`,
      );
      expect(answer).toMatchObject({ status: 400, json: { error: { code: 'bad_cursor' } } });
    }
    expect((await get(`${plays}?from=2026-12-01&to=2026-12-02`, null)).status).toBe(401);
    expect((await get(`${plays}?from=2026-12-01&to=2026-12-02`, 'wrong')).status).toBe(401);
  });
});

describe('the fleet', () => {
  it('filters screens whose last contact is older than a time, with every other filter', async () => {
    await hq.pool.query(
      `INSERT INTO screens (store_id, device_id, app, version, status, last_contact)
       SELECT 's' || lpad(s::text, 2, '0'), 'd' || d, 'signage', '1.0.0',
              CASE WHEN d = 0 THEN 'offline' ELSE 'online' END,
              timestamptz '2026-12-07T00:00:00Z' - d * interval '1 hour'
         FROM generate_series(0, 59) s, generate_series(0, 3) d`,
    );
    const quiet = await client.fleet.list({
      query: { contactBefore: '2026-12-06T22:30:00Z', region: 'eu' },
    });
    expect(quiet.screens).toHaveLength(30 * 2);
    expect(quiet.screens.every((s) => ['d2', 'd3'].includes(s.deviceId))).toBe(true);
    expect(quiet.counts).toEqual({ online: 60, offline: 0 });
    const page = await client.fleet.list({
      query: { contactBefore: '2026-12-07T01:00:00+01:00', status: 'online', limit: 50 },
    });
    expect(page.screens).toHaveLength(50);
    expect(page.next).toEqual({ store: 's16', device: 'd2' });
  });
});
