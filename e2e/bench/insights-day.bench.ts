// A store manager opening a day in the staff console's Footfall tab, after a
// year of a busy store's data: two entrance counters and two zones counting
// every 15 minutes, 300 receipts and 2,000 plays a day, feedback, requests and
// questions. The server runs in its own process; the year is written into its
// SQLite beside it (as months of pushes would have); days are asked over HTTP.
import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { apiRoutes, epochOfLocal, routeUrl } from '@vitrine/shared/core';
import { signIn } from '../staff/staff-helpers';
import { freePort, spawnServer } from '../support/server-process';
import { freshDataDir } from '../support/test-server';
import { percentile, round, type BenchResult } from './stats';

const TARGET_P95_MS = 200;
const ZONE = 'Europe/Paris';
const DAY_MS = 86_400_000;
const QUARTER = 15 * 60_000;

function dates(days: number): string[] {
  const today = Date.UTC(
    new Date().getUTCFullYear(),
    new Date().getUTCMonth(),
    new Date().getUTCDate(),
  );
  return Array.from({ length: days }, (_, i) =>
    new Date(today - (days - i) * DAY_MS).toISOString().slice(0, 10),
  );
}

/** A year (or `days`) of one busy store, written straight into its database. */
function seed(file: string, days: string[]): { rows: number } {
  const db = new Database(file);
  db.pragma('busy_timeout = 10000');
  let rows = 0;
  let seq = 0;
  let random = 42;
  const next = () => (random = (random * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const uuid = (n: number) => `0190a000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
  const counters = [
    ['bench-door-1', 1, 'Entrée'],
    ['bench-door-2', 1, 'Porte latérale'],
    ['bench-zone-1', 0, 'Vitrine'],
    ['bench-zone-2', 0, 'Rayon vins'],
  ] as const;
  const now = new Date().toISOString();
  db.transaction(() => {
    for (const [id, entrance] of counters)
      db.prepare(
        `INSERT INTO footfall_counters (id, kind, entrance, created_at, last_push_at) VALUES (?, 'generic', ?, ?, ?)`,
      ).run(id, entrance, now, now);
  })();
  const period = db.prepare(
    `INSERT INTO footfall_periods (counter_id, zone, start, end, count_in, count_out, dwell_seconds, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const receipt = db.prepare(
    `INSERT INTO sales_receipts (id, at, total, currency, lines, source, received_at) VALUES (?, ?, ?, 'EUR', NULL, 'api', ?)`,
  );
  const event = db.prepare(
    `INSERT INTO events (id, device_id, seq, kind, at, received_at, payload) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const date of days) {
    const open = epochOfLocal(date, '09:00', ZONE);
    const close = epochOfLocal(date, '20:00', ZONE);
    db.transaction(() => {
      for (const [id, entrance, zone] of counters)
        for (let at = open; at < close; at += QUARTER) {
          const people = Math.floor(next() * 12);
          period.run(
            id,
            zone,
            new Date(at).toISOString(),
            new Date(at + QUARTER).toISOString(),
            people,
            people,
            entrance ? null : 30 + next() * 120,
            now,
          );
          rows++;
        }
      for (let i = 0; i < 300; i++) {
        const at = new Date(open + next() * (close - open)).toISOString();
        receipt.run(`${date}-${i}`, at, Math.floor(500 + next() * 15_000), now);
        rows++;
      }
      for (let i = 0; i < 2_000; i++) {
        const at = new Date(open + (i / 2_000) * (close - open)).toISOString();
        event.run(
          uuid(++seq),
          'bench-signage',
          seq,
          'proof-of-play',
          at,
          at,
          JSON.stringify({ campaignId: 'c', itemId: 'i', playId: `p${seq}`, phase: 'start' }),
        );
        rows++;
      }
      for (let i = 0; i < 60; i++) {
        const at = new Date(open + next() * (close - open)).toISOString();
        const value = ['like', 'dislike', 'green', 'orange', 'red'][i % 5];
        event.run(
          uuid(++seq),
          'bench-kiosk',
          seq,
          'feedback',
          at,
          at,
          JSON.stringify({ target: 'product', productId: 'p', value }),
        );
        rows++;
      }
    })();
  }
  db.close();
  return { rows };
}

export async function benchInsightsDay(days = 365, samples = 40): Promise<BenchResult[]> {
  const dataDir = freshDataDir('vitrine-bench-insights');
  const server = await spawnServer({
    dataDir,
    scale: 200,
    httpPort: await freePort(),
    mqttPort: await freePort(),
  });
  try {
    const calendar = dates(days);
    const seedStarted = performance.now();
    const { rows } = seed(join(dataDir, 'store.sqlite'), calendar);
    const seedSeconds = round((performance.now() - seedStarted) / 1000);
    const manager = await signIn(server, 'manager');
    const ask = async (date: string) => {
      const started = performance.now();
      const response = await fetch(
        routeUrl(server.url, apiRoutes.insights.day, { query: { date } }),
        {
          headers: { authorization: `Bearer ${manager}` },
        },
      );
      const body = (await response.json()) as { totals?: { visitors: number; plays: number } };
      const ms = performance.now() - started;
      if (response.status !== 200 || !body.totals?.visitors || body.totals.plays !== 2_000)
        throw new Error(`the day ${date} answered ${response.status} without its figures`);
      return ms;
    };
    for (const date of calendar.slice(-5)) await ask(date); // warm-up
    const load = [loadavg()[0]!];
    const times: number[] = [];
    for (let i = 0; i < samples; i++)
      times.push(await ask(calendar[Math.floor(((i + 0.5) * calendar.length) / samples)]!));
    load.push(loadavg()[0]!);
    const p95 = percentile(times, 95);
    return [
      {
        name: `insights: a store's day view after ${days} days (HTTP, staff console)`,
        metric: 'p95',
        value: round(p95),
        unit: 'ms',
        target: `≤ ${TARGET_P95_MS} ms`,
        pass: p95 <= TARGET_P95_MS,
        detail: {
          median: round(percentile(times, 50)),
          max: round(Math.max(...times)),
          days: samples,
          rows,
          seedSeconds,
          loadAverage: load.map((value) => value.toFixed(1)).join(' → '),
        },
      },
    ];
  } finally {
    await server.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}
