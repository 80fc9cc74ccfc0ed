// The hq-reports bench's synthetic chain, generated in PostgreSQL with generate_series (plan §4):
// 5,000 stores in 50 regions (interleaved, so a region's stores spread over the id space), 20
// screens each (100k), and DAYS days of daily rollups: per store and day 12 play rows (6 of 40
// campaigns × 2 media), 20 screen rows, 6 feedback rows and 4 request rows.
import type { Pool } from 'pg';

export const STORES = 5_000;
const SCREENS_PER_STORE = 20;
export const DAYS = 30;
/** The last day of history (the day before the bench's date); the first is DAYS - 1 before. */
export const LAST_DAY = '2026-12-06';
export const FIRST_DAY = '2026-11-07';

const store = (n: string) => `'st' || lpad(${n}::text, 4, '0')`;
const day = `date '${FIRST_DAY}' + d`;
const stores = `generate_series(0, ${STORES - 1}) n`;
const days = `generate_series(0, ${DAYS - 1}) d`;

const STEPS: [what: string, sql: string][] = [
  [
    'stores',
    `INSERT INTO regions (id, name)
       SELECT 'r' || lpad(r::text, 2, '0'), 'Region ' || r FROM generate_series(0, 49) r;
     INSERT INTO stores (id, name, region_id, time_zone, currency)
       SELECT ${store('n')}, 'Store ' || n, 'r' || lpad((n % 50)::text, 2, '0'),
              (ARRAY['Europe/Paris', 'America/Montreal', 'Europe/London',
                     'America/Vancouver'])[1 + n % 4], 'EUR'
         FROM ${stores}`,
  ],
  [
    // About 1 screen in 23 offline for two days or more; the others heard from within a day.
    'screens',
    `INSERT INTO screens (store_id, device_id, app, version, status, last_contact, showing)
       SELECT ${store('n')}, 'd' || lpad(s::text, 2, '0'),
              (ARRAY['kiosk', 'signage', 'mirror'])[1 + s % 3], '2.4.0',
              CASE WHEN (n * 20 + s) % 23 = 0 THEN 'offline' ELSE 'online' END,
              CASE WHEN (n * 20 + s) % 23 = 0
                   THEN now() - interval '2 days' - (n % 500) * interval '1 minute'
                   ELSE now() - ((n * 20 + s) % 1440) * interval '1 minute' END,
              'c' || lpad(((n + s) % 40)::text, 2, '0')
         FROM ${stores}, generate_series(0, ${SCREENS_PER_STORE - 1}) s`,
  ],
  [
    'pop_daily',
    `INSERT INTO pop_daily (store_id, day, campaign_id, item_id, plays, interrupted, played_ms)
       SELECT ${store('n')}, ${day}, 'c' || lpad(((n + k * 7) % 40)::text, 2, '0'), 'i' || i,
              300 + (n + d + k) % 97, (n + d) % 3, (300 + (n + d + k) % 97) * 8000::bigint
         FROM ${stores}, ${days}, generate_series(0, 5) k, generate_series(1, 2) i`,
  ],
  [
    'pop_screen_daily',
    `INSERT INTO pop_screen_daily (store_id, day, device_id, plays, interrupted, played_ms)
       SELECT ${store('n')}, ${day}, 'd' || lpad(s::text, 2, '0'), 3000 + (n + d + s) % 500,
              (n + s) % 5, (3000 + (n + d + s) % 500) * 8000::bigint
         FROM ${stores}, ${days}, generate_series(0, ${SCREENS_PER_STORE - 1}) s`,
  ],
  [
    'feedback_daily',
    `INSERT INTO feedback_daily (store_id, day, target, product_id, likes, dislikes, green,
                                 orange, red)
       SELECT ${store('n')}, ${day}, t.target, t.product, (n + d) % 9, (n + d) % 4, (n + d) % 7,
              (n + d) % 3, (n + d) % 2
         FROM ${stores}, ${days},
              LATERAL (SELECT 'product' AS target, 'p' || lpad(((n + j * 131) % 1000)::text, 4, '0')
                         AS product FROM generate_series(0, 3) j
                       UNION ALL SELECT 'help', '' UNION ALL SELECT 'call', '') t`,
  ],
  [
    'requests_daily',
    `INSERT INTO requests_daily (store_id, day, type, n)
       SELECT ${store('n')}, ${day}, t, 1 + (n + d) % 17
         FROM ${stores}, ${days}, unnest(ARRAY['delivery', 'help', 'reservation', 'size']) t`,
  ],
];

/** Fills an empty, migrated database; returns each step's time and the rows made. */
export async function generateChainHistory(pool: Pool) {
  const timings: Record<string, number> = {};
  for (const [what, sql] of STEPS) {
    const started = performance.now();
    await pool.query(sql);
    timings[what] = Math.round(performance.now() - started);
  }
  const started = performance.now();
  await pool.query('VACUUM ANALYZE');
  timings.vacuumAnalyze = Math.round(performance.now() - started);
  const sizes = await pool.query<{ table: string; rows: string; bytes: string }>(
    `SELECT relname AS table, n_live_tup::text AS rows,
            pg_total_relation_size(relid)::text AS bytes
       FROM pg_stat_user_tables
      WHERE relname IN ('screens', 'pop_daily', 'pop_screen_daily', 'feedback_daily',
                        'requests_daily')`,
  );
  return {
    timings,
    tables: Object.fromEntries(
      sizes.rows.map((row) => [row.table, { rows: Number(row.rows), bytes: Number(row.bytes) }]),
    ),
  };
}
