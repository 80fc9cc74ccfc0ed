// Head office's insights at chain scale (issue 18): a real PostgreSQL 15 holding a year of
// figures for 500 stores (every store's day with its 24 hours, plays per campaign and sales of
// the campaigns' products, as the stores send them), a head office in this process, and each
// insights route asked through HTTP with the typed client, p50 and p95 of sequential calls.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { addDays, apiClient, hqRoutes } from '@vitrine/shared/core';
import { startPostgres } from '@vitrine/head-office/local';
import { testDraft } from '../../head-office/src/campaigns/test-draft';
import { startHeadOffice } from '../../head-office/src/server';
import { percentile, round, type BenchResult } from './stats';

const TOKEN = 'bench-hq-insights-token-0123456789';
const TARGET_MS = 1_000;
const REGIONS = 10;

/** Every store's days, written with generate_series: what a year of `figures` events leaves. */
async function generate(pool: Pool, stores: number, lastDay: string, days: number) {
  const first = addDays(lastDay, -(days - 1));
  await pool.query(`
    INSERT INTO regions (id, name) SELECT 'r' || r, 'Region ' || r FROM generate_series(0, ${REGIONS - 1}) r;
    INSERT INTO stores (id, name, region_id, time_zone, currency)
      SELECT 'st' || lpad(n::text, 4, '0'), 'Store ' || n, 'r' || (n % ${REGIONS}), 'Europe/Paris', 'EUR'
        FROM generate_series(0, ${stores - 1}) n`);
  // One statement per month of days keeps each transaction's memory small.
  for (let from = 0; from < days; from += 30) {
    await pool.query(
      `INSERT INTO store_days (store_id, day, visitors, transactions, revenue, currency, plays,
                               plays_with_people, requests, requests_answered, low_ratings,
                               unanswered, counter_flags, campaigns, promoted, figures, sent_at)
       SELECT s.id, d.day, v.visitors, v.visitors / 5, v.visitors * 900, 'EUR', 2000, 1500, 20, 18,
              3, 4, 0,
              jsonb_build_array(jsonb_build_object('campaignId', 'c' || (n % 7), 'plays', 900),
                                jsonb_build_object('campaignId', 'c' || ((n + 1) % 7), 'plays', 1100)),
              jsonb_build_array(jsonb_build_object('productId', 'p' || (n % 11), 'units', 3, 'revenue', 4500),
                                jsonb_build_object('productId', 'p' || ((n + 3) % 11), 'units', 1, 'revenue', 1200)),
              jsonb_build_object('storeId', s.id, 'date', d.day::text, 'timeZone', 'Europe/Paris',
                'currency', 'EUR', 'salesSource', 'till',
                'hours', (SELECT jsonb_agg(jsonb_build_object('start', d.day::text || 'T' || lpad(h::text, 2, '0') || ':00:00.000Z',
                           'label', lpad(h::text, 2, '0') || ':00', 'offset', '+01:00', 'visitors', v.visitors / 11,
                           'exits', v.visitors / 11, 'transactions', v.visitors / 55, 'revenue', v.visitors * 80,
                           'conversion', 0.2, 'dwellSeconds', null, 'plays', 83, 'playsWithPeople', 62))
                          FROM generate_series(0, 23) h),
                'totals', jsonb_build_object('visitors', v.visitors, 'exits', v.visitors,
                  'transactions', v.visitors / 5, 'revenue', v.visitors * 900, 'conversion', 0.2,
                  'averageBasket', 4500, 'dwellSeconds', null, 'plays', 2000, 'playsWithPeople', 1500,
                  'requests', 20, 'requestsAnswered', 18, 'medianAnswerSeconds', 95,
                  'feedback', jsonb_build_object('like', 5, 'dislike', 1, 'green', 4, 'orange', 1, 'red', 2),
                  'lowRatings', 3, 'unansweredQuestions', 4),
                'zones', '[]'::jsonb,
                'flags', '[]'::jsonb, 'campaigns', '[]'::jsonb, 'promoted', '[]'::jsonb),
              now()
         FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM stores) s
         CROSS JOIN LATERAL (SELECT date '${first}' + g AS day
                               FROM generate_series(${from}, ${Math.min(from + 29, days - 1)}) g) d
         CROSS JOIN LATERAL (SELECT (300 + (s.n * 37 + (d.day - date '${first}') * 11) % 400)::int AS visitors) v`,
    );
  }
  const size = await pool.query<{ rows: number; mb: number }>(
    `SELECT count(*)::int AS rows, round(pg_total_relation_size('store_days') / 1e6)::int AS mb FROM store_days`,
  );
  return size.rows[0]!;
}

export async function benchHqInsights(
  stores = 500,
  days = 365,
  samples = 20,
): Promise<BenchResult[]> {
  const base = mkdtempSync(join(tmpdir(), 'vt-bench-hq-insights-'));
  chmodSync(base, 0o755); // PostgreSQL runs as user postgres and must reach its directory
  const postgres = await startPostgres({ dir: join(base, 'pg') });
  try {
    const hq = await startHeadOffice({
      databaseUrl: await postgres.createDatabase('hq_insights'),
      httpHost: '127.0.0.1',
      httpPort: 0,
      adminToken: TOKEN,
      dataDir: join(base, 'hq'),
      logLevel: 'warn',
    });
    try {
      const lastDay = addDays(new Date().toISOString().slice(0, 10), -1);
      const started = performance.now();
      const size = await generate(hq.pool, stores, lastDay, days);
      const generateSeconds = round((performance.now() - started) / 1000);
      const client = apiClient(hqRoutes, {
        baseUrl: hq.url,
        authorization: () => `Bearer ${TOKEN}`,
      });
      // A campaign of the last four weeks showing two of the products.
      await client.campaigns.publish({
        body: testDraft({
          id: 'c3',
          playlists: [
            {
              id: 'p1',
              items: [
                { id: 'a', kind: 'product', durationMs: 5_000, productId: 'p3' },
                { id: 'b', kind: 'product', durationMs: 5_000, productId: 'p4' },
              ],
            },
          ],
          schedule: {
            startDate: addDays(lastDay, -27),
            endDate: lastDay,
            weekdays: [1, 2, 3, 4, 5, 6, 7],
            dayParts: [],
          },
        }),
      });
      const year = { from: addDays(lastDay, -(days - 1)), to: lastDay };
      const month = { from: addDays(lastDay, -29), to: lastDay };
      const cases: [string, () => Promise<number>][] = [
        [
          'stores compared, a month',
          async () => (await client.insights.stores({ query: month })).rows.length,
        ],
        [
          'stores compared, a year',
          async () => (await client.insights.stores({ query: year })).rows.length,
        ],
        [
          'one region’s stores, a year',
          async () =>
            (await client.insights.stores({ query: { ...year, region: 'r3' } })).rows.length,
        ],
        [
          'regions compared, a year',
          async () => (await client.insights.regions({ query: year })).rows.length,
        ],
        [
          'one store’s day',
          async () =>
            (
              await client.insights.storeDay({
                params: {
                  id: `st${String(Math.floor(stores / 2)).padStart(4, '0')}`,
                  date: lastDay,
                },
              })
            ).hours.length,
        ],
        [
          'a campaign’s effect, every store',
          async () =>
            (
              await client.insights.campaignImpact({
                params: { id: 'c3' },
                query: { currency: 'EUR' },
              })
            ).windows.length,
        ],
      ];
      const results: BenchResult[] = [];
      const load = [loadavg()[0]!];
      for (const [name, call] of cases) {
        await call();
        const times: number[] = [];
        let rows = 0;
        for (let i = 0; i < samples; i++) {
          const t0 = performance.now();
          rows = await call();
          times.push(performance.now() - t0);
        }
        load.push(loadavg()[0]!);
        const p95 = percentile(times, 95);
        results.push({
          name: `hq-insights: ${name} (${stores} stores × ${days} days)`,
          metric: 'p95',
          value: round(p95),
          unit: 'ms',
          target: `p95 ≤ ${TARGET_MS} ms`,
          pass: p95 <= TARGET_MS && rows > 0,
          detail: { p50: round(percentile(times, 50)), rows, samples },
        });
      }
      results[0]!.detail = {
        ...results[0]!.detail,
        storeDays: size.rows,
        tableMb: size.mb,
        generateSeconds,
        load: load.map((value) => value.toFixed(1)).join(' → '),
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
