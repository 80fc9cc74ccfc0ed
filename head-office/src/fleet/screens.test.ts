// The screens table on a real PostgreSQL: a store's summary replaces its screens (present ones
// upserted, absent ones deleted), an older summary delivered late changes nothing, and keyset
// pages over 2,000 synthetic screens return each exactly once through an index scan.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FleetDevice, FleetSummary } from '@vitrine/shared/core';
import { migrate } from '../db/migrations';
import { createPool, type Pool } from '../db/pool';
import { startTestPostgres, type TestPostgres } from '../local/test-postgres';
import { headOfficeMigrations } from '../schema';
import { applyFleetSummary } from './apply-summary';
import { listScreens, screensPageQuery, type ScreenCursor } from './list-screens';

let test: TestPostgres;
let pool: Pool;

beforeAll(async () => {
  test = await startTestPostgres();
  pool = createPool(await test.freshDatabase(), () => undefined, { max: 4 });
  await migrate(pool, headOfficeMigrations);
  await pool.query(`INSERT INTO regions (id, name) VALUES ('north', 'North'), ('south', 'South')`);
  // 100 stores × 20 screens, in SQL: s000..s099, half the stores in each region.
  await pool.query(
    `INSERT INTO stores (id, name, region_id, time_zone, currency)
     SELECT 's' || lpad(n::text, 3, '0'), 'Store ' || n, CASE WHEN n % 2 = 0 THEN 'north' ELSE 'south' END,
            'Europe/Paris', 'EUR' FROM generate_series(0, 99) AS n`,
  );
  await pool.query(
    `INSERT INTO screens (store_id, device_id, app, version, status, last_contact)
     SELECT 's' || lpad(s::text, 3, '0'), 'd' || lpad(d::text, 2, '0'),
            (ARRAY['kiosk', 'signage', 'mirror'])[1 + d % 3], '1.0.0',
            CASE WHEN d % 4 = 0 THEN 'offline' ELSE 'online' END, now() - d * interval '1 minute'
       FROM generate_series(0, 99) AS s, generate_series(0, 19) AS d`,
  );
  await pool.query('ANALYZE screens');
  await pool.query('ANALYZE stores');
});

afterAll(async () => {
  await pool?.end();
  await test?.remove();
});

const device = (deviceId: string, status: FleetDevice['status'] = 'online'): FleetDevice => ({
  deviceId,
  app: 'kiosk',
  version: '2.1.0',
  status,
  lastContact: '2026-12-06T10:00:00.000Z',
});
const summary = (at: string, devices: FleetDevice[]): FleetSummary => ({
  v: 1,
  type: 'fleet',
  at,
  devices,
});

/** Every row the plan reads a table through (seq scans included), found recursively. */
function scans(plan: Record<string, unknown>): string[] {
  const here = typeof plan['Relation Name'] === 'string' ? [`${String(plan['Node Type'])}`] : [];
  const children = (plan.Plans as Record<string, unknown>[] | undefined) ?? [];
  return [...here, ...children.flatMap(scans)];
}

describe('screens', () => {
  it('a summary replaces its store’s screens; a late older one changes nothing', async () => {
    await pool.query(
      `INSERT INTO stores (id, name, time_zone, currency) VALUES ('lyon', 'Lyon', 'Europe/Paris', 'EUR')`,
    );
    const first = await applyFleetSummary(
      pool,
      'lyon',
      summary('2026-12-06T10:00:00.000Z', [device('k1'), device('k2'), device('k1', 'offline')]),
    );
    expect(first).toEqual({ kind: 'applied', screens: 2, removed: 0 });
    const later = summary('2026-12-06T10:01:00.000Z', [device('k2', 'offline'), device('k3')]);
    expect(await applyFleetSummary(pool, 'lyon', later)).toEqual({
      kind: 'applied',
      screens: 2,
      removed: 1,
    });
    const late = summary('2026-12-06T10:00:30.000Z', [device('k1')]);
    expect(await applyFleetSummary(pool, 'lyon', late)).toEqual({ kind: 'stale' });
    const page = await listScreens(pool, { store: 'lyon' }, undefined, 10);
    expect(page.screens.map((s) => [s.deviceId, s.status])).toEqual([
      ['k2', 'offline'],
      ['k3', 'online'],
    ]);
    expect(page.counts).toEqual({ online: 1, offline: 1 });
    expect(await applyFleetSummary(pool, 'nowhere', later)).toEqual({ kind: 'unknown-store' });
    const seen = await pool.query<{ last_seen_at: Date | null }>(
      `SELECT last_seen_at FROM stores WHERE id = 'lyon'`,
    );
    expect(seen.rows[0]?.last_seen_at).toBeInstanceOf(Date);
    await applyFleetSummary(pool, 'lyon', summary('2026-12-06T10:02:00.000Z', []));
    expect((await listScreens(pool, { store: 'lyon' }, undefined, 10)).screens).toEqual([]);
  });

  it('keeps a people counter with its flags beside the screens, and clears them when fixed', async () => {
    await pool.query(
      `INSERT INTO stores (id, name, time_zone, currency) VALUES ('nice', 'Nice', 'Europe/Paris', 'EUR')`,
    );
    const counter = (flags: FleetDevice['flags']): FleetDevice => ({
      deviceId: 'counter-1',
      app: 'counter',
      version: '',
      status: 'online',
      lastContact: '2026-12-06T10:00:00.000Z',
      flags,
    });
    await applyFleetSummary(
      pool,
      'nice',
      summary('2026-12-06T10:00:00.000Z', [device('k1'), counter(['clock', 'imbalance'])]),
    );
    const flagsOf = async (app?: 'counter') =>
      (await listScreens(pool, { store: 'nice', ...(app && { app }) }, undefined, 10)).screens.map(
        (s) => [s.deviceId, s.app, s.flags],
      );
    expect(await flagsOf()).toEqual([
      ['counter-1', 'counter', ['clock', 'imbalance']],
      ['k1', 'kiosk', []],
    ]);
    expect(await flagsOf('counter')).toEqual([['counter-1', 'counter', ['clock', 'imbalance']]]);
    await applyFleetSummary(
      pool,
      'nice',
      summary('2026-12-06T10:01:00.000Z', [device('k1'), counter([])]),
    );
    expect(await flagsOf('counter')).toEqual([['counter-1', 'counter', []]]);
    await applyFleetSummary(pool, 'nice', summary('2026-12-06T10:02:00.000Z', []));
  });

  it('pages over 2,000 screens return each exactly once, filters hold, counts cover them all', async () => {
    const seen: string[] = [];
    let after: ScreenCursor | undefined;
    let pages = 0;
    do {
      const page = await listScreens(pool, {}, after, 150);
      seen.push(...page.screens.map((s) => `${s.storeId}/${s.deviceId}`));
      expect(page.counts).toEqual({ online: 1_500, offline: 500 });
      after = page.next ?? undefined;
      pages++;
    } while (after);
    expect(seen).toHaveLength(2_000);
    expect(new Set(seen).size).toBe(2_000);
    expect(seen).toEqual([...seen].sort());
    expect(pages).toBe(14);

    const north = await listScreens(pool, { region: 'north', app: 'kiosk' }, undefined, 200);
    expect(
      north.screens.every((s) => s.app === 'kiosk' && Number(s.storeId.slice(1)) % 2 === 0),
    ).toBe(true);
    expect(north.counts.online + north.counts.offline).toBe(50 * 7);
    const offline = await listScreens(pool, { store: 's042', status: 'offline' }, undefined, 200);
    expect(offline.screens.map((s) => s.deviceId)).toEqual(['d00', 'd04', 'd08', 'd12', 'd16']);
  });

  it('EXPLAIN: a deep page is read through an index, never a sequential scan', async () => {
    const plans: Record<string, unknown>[] = [];
    for (const filters of [{}, { store: 's050' }, { store: 's050', app: 'kiosk' }]) {
      const query = screensPageQuery(filters, { store: 's050', device: 'd10' }, 200);
      const explained = await pool.query<{ 'QUERY PLAN': { Plan: Record<string, unknown> }[] }>(
        `EXPLAIN (FORMAT JSON) ${query.text}`,
        query.values,
      );
      plans.push(explained.rows[0]!['QUERY PLAN'][0]!.Plan);
    }
    for (const plan of plans) {
      const reads = scans(plan);
      expect(reads.length, JSON.stringify(plan)).toBeGreaterThan(0);
      // A bitmap heap scan is fed by its bitmap index scan: still the index, never the table.
      expect(
        reads.every((kind) => /^(Index|Index Only|Bitmap Heap) Scan$/.test(kind)),
        JSON.stringify(plan),
      ).toBe(true);
    }
    // Unfiltered, the page walks the primary key in order: no sort, no bitmap.
    expect(JSON.stringify(plans[0])).toContain('"Index Name":"screens_pkey"');
    expect(JSON.stringify(plans[0])).not.toContain('"Node Type":"Sort"');
  });
});
