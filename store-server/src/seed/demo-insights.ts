// The demo store's footfall and till: two people counters (the main entrance and a side door)
// and the till's receipts for the last four weeks, hour by hour through the store's opening
// hours, plus a staffing plan, so `npm start` opens a Footfall tab with something to read.
// Everything is drawn from a seeded stream per hour, so seeding again (each start, and every
// quarter of an hour while the demo runs, as a counter would push) stores the same counts and
// receipts: the stores keep them by period and receipt id, and nothing is counted twice.
import { randomBytes } from 'node:crypto';
import { addDays, epochOfLocal, localMoment, weekdayOf } from '@vitrine/shared/core';
import type { Logger } from '@vitrine/shared/node';
import type { Db } from '../db/database';
import type { DeviceRegistry } from '../devices/registry';
import { Random } from '../demo/random';
import type { FootfallStore } from '../insights/footfall-store';
import { heldCampaigns, productsOf } from '../insights/promoted-products';
import type { SalesStore } from '../insights/sales-store';
import { savePlan } from '../insights/staffing';

const COUNTERS = [
  { id: 'demo-counter-entrance', name: 'Entrée principale', kind: 'axis', share: 0.8 },
  { id: 'demo-counter-side', name: 'Porte latérale', kind: 'generic', share: 0.2 },
] as const;
/** Opening hours by ISO weekday (Sunday closed). */
const OPEN: Record<number, [number, number] | undefined> = {
  1: [10, 19],
  2: [10, 19],
  3: [10, 19],
  4: [10, 20],
  5: [10, 20],
  6: [9, 20],
};
/** Visitors an hour, before the weekday's and the hour's weights. */
const BASE_VISITORS = 60;
const WEEKDAY_WEIGHT = [0, 0.8, 0.75, 0.9, 1, 1.2, 1.7, 0];
/** The shape of a day: quiet mornings, a lunch peak, the after-work peak. */
const HOUR_WEIGHT: Record<number, number> = {
  9: 0.5,
  10: 0.6,
  11: 0.9,
  12: 1.3,
  13: 1.2,
  14: 0.8,
  15: 0.8,
  16: 1,
  17: 1.4,
  18: 1.5,
  19: 1.1,
};
const CONVERSION = 0.22;

export interface DemoInsightsParts {
  db: Db;
  registry: DeviceRegistry;
  footfall: FootfallStore;
  sales: SalesStore;
  timeZone: string;
}

/** Enrols the demo's counters and stores `days` of counts and receipts up to `now`. */
export function seedDemoInsights(parts: DemoInsightsParts, days: number, now = Date.now()): void {
  const { db, footfall, sales, timeZone } = parts;
  for (const counter of COUNTERS) {
    if (parts.registry.get(counter.id)) continue;
    // Nobody pushes with this password: the demo's counts are drawn here. A manager re-enrols.
    parts.registry.upsertActive(
      counter.id,
      'counter',
      counter.name,
      randomBytes(32).toString('base64url'),
    );
    footfall.addCounter(counter.id, counter.kind, true);
  }
  if ((db.prepare('SELECT COUNT(*) FROM staffing_plan').pluck().get() as number) === 0)
    savePlan(db, demoPlan());
  const products = sellable(db);
  const today = localMoment(now, timeZone).date;
  const receipts = [];
  for (let back = days - 1; back >= 0; back--) {
    const date = addDays(today, -back);
    const open = OPEN[weekdayOf(date)];
    if (!open) continue;
    for (let hour = open[0]; hour < open[1]; hour++) {
      const start = epochOfLocal(date, `${String(hour).padStart(2, '0')}:00`, timeZone);
      const end = start + 3_600_000;
      if (end > now) break;
      const random = new Random(start, 'demo-insights');
      const visitors = Math.round(
        BASE_VISITORS *
          WEEKDAY_WEIGHT[weekdayOf(date)]! *
          (HOUR_WEIGHT[hour] ?? 1) *
          random.float(0.8, 1.2),
      );
      for (const counter of COUNTERS) {
        const counted = Math.round(visitors * counter.share);
        footfall.storePeriods(
          footfall.counter(counter.id)!,
          [
            {
              zone: 'entrance',
              start: new Date(start).toISOString(),
              end: new Date(end).toISOString(),
              in: counted,
              // People leave a little later than they come in.
              out: Math.round(counted * random.float(0.85, 1.05)),
            },
          ],
          [],
        );
      }
      const bought = Math.round(visitors * CONVERSION * random.float(0.7, 1.3));
      for (let n = 0; n < bought && products.length > 0; n++) {
        const lines = random.sample(products, random.int(1, 3)).map((product) => {
          const quantity = random.chance(0.2) ? 2 : 1;
          return { product: product.id, quantity, amount: product.priceCents * quantity };
        });
        receipts.push({
          id: `demo-${date}-${hour}-${n}`,
          at: new Date(start + random.int(0, 3_599) * 1000).toISOString(),
          total: lines.reduce((sum, line) => sum + line.amount, 0),
          lines,
        });
      }
    }
  }
  for (let i = 0; i < receipts.length; i += 1_000) sales.store(receipts.slice(i, i + 1_000), 'api');
  // Counters push through the night too (nothing new when the store is closed): not silent.
  for (const counter of COUNTERS) footfall.storePeriods(footfall.counter(counter.id)!, [], []);
}

/** Products a receipt may name: the campaigns' products often (so their effect shows), others too. */
function sellable(db: Db): { id: string; priceCents: number }[] {
  const rows = db
    .prepare(
      `SELECT id, json_extract(body, '$.priceCents') AS priceCents FROM sync_docs
        WHERE collection = 'products' AND deleted = 0 AND json_extract(body, '$.priceCents') > 0
        ORDER BY id LIMIT 120`,
    )
    .all() as { id: string; priceCents: number }[];
  const promoted = new Set(heldCampaigns(db).flatMap(productsOf));
  const promotedRows = db
    .prepare(
      `SELECT id, json_extract(body, '$.priceCents') AS priceCents FROM sync_docs
        WHERE collection = 'products' AND deleted = 0 AND id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify([...promoted])) as { id: string; priceCents: number }[];
  // Weighed in by listing them several times: a shop sells its promotions more.
  return [...rows, ...promotedRows, ...promotedRows, ...promotedRows];
}

/** Two people on the floor, three at the peaks, one more on Saturdays. */
function demoPlan() {
  return Object.entries(OPEN).flatMap(([weekday, open]) => {
    const hours = [];
    for (let hour = open![0]; hour < open![1]; hour++) {
      const peak = hour === 12 || hour === 13 || hour >= 17;
      const staff = (peak ? 3 : 2) + (weekday === '6' ? 1 : 0);
      hours.push({ weekday: Number(weekday), hour, staff });
    }
    return hours;
  });
}

const SEEDED_DAYS = 28;
const TOP_UP_MS = 15 * 60_000;

/**
 * Seeds the last four weeks now, then today's hours every quarter of an hour while the demo
 * runs, as counters and a till would. A disk that refuses is logged, and the demo goes on.
 */
export function startDemoInsights(
  parts: DemoInsightsParts,
  log: Pick<Logger, 'info' | 'warn'>,
): () => void {
  const seed = (days: number) => {
    try {
      seedDemoInsights(parts, days);
      return true;
    } catch (error) {
      log.warn({ err: (error as Error).message }, 'demo: the footfall and sales were not seeded');
      return false;
    }
  };
  const started = performance.now();
  if (seed(SEEDED_DAYS))
    log.info(
      { days: SEEDED_DAYS, ms: Math.round(performance.now() - started) },
      'demo: people counters and the till seeded',
    );
  const timer = setInterval(() => seed(1), TOP_UP_MS);
  timer.unref();
  return () => clearInterval(timer);
}
