// One day of a store's figures, hour by hour in its time zone: the hours are
// the day's instants from local midnight to the next (23 on the spring day, 25
// on the autumn one), so every count lands in the hour the store lived it.
// A counter's period longer than an hour (a gap it caught up on) is spread
// over the hours it spans by duration.
import { epochOfLocal, localMoment, type DayFigures, type HourFigures } from '@vitrine/shared/core';
import type { Db } from '../db/database';
import { promotedProductOf, promotedProducts } from './promoted-products';

const HOUR_MS = 3_600_000;
/** A counter silent this long while others count is flagged. */
const SILENT_MS = 60 * 60_000;
/** In and out further apart than this share, over at least IMBALANCE_MIN people, are flagged. */
const IMBALANCE_SHARE = 0.15;
const IMBALANCE_MIN = 100;

type PeriodRow = {
  counter_id: string;
  zone: string;
  start: string;
  end: string;
  count_in: number;
  count_out: number;
  dwell_seconds: number | null;
  entrance: number;
};

function nextDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

function offsetLabel(epoch: number, timeZone: string): string {
  const local = localMoment(epoch, timeZone);
  const wall = Date.UTC(
    Number(local.date.slice(0, 4)),
    Number(local.date.slice(5, 7)) - 1,
    Number(local.date.slice(8, 10)),
    Math.floor(local.minutes / 60),
    local.minutes % 60,
  );
  const minutes = Math.round((wall - (epoch - (epoch % 60_000))) / 60_000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function dayFigures(
  db: Db,
  options: { storeId: string; date: string; timeZone: string; currency: string; now?: number },
): DayFigures {
  const { date, timeZone, currency } = options;
  const now = options.now ?? Date.now();
  const dayStart = epochOfLocal(date, '00:00', timeZone);
  const dayEnd = epochOfLocal(nextDate(date), '00:00', timeZone);
  const from = new Date(dayStart).toISOString();
  const to = new Date(dayEnd).toISOString();
  const hours = Math.round((dayEnd - dayStart) / HOUR_MS);
  const hourOf = (epoch: number) => Math.floor((epoch - dayStart) / HOUR_MS);

  const acc = Array.from({ length: hours }, () => ({
    visitors: 0,
    exits: 0,
    transactions: 0,
    revenue: 0,
    dwellWeighted: 0,
    dwellPeople: 0,
    plays: 0,
    playsWithPeople: 0,
  }));

  // Counters: periods overlapping the day (a period starts at most a day before it ends).
  const periods = db
    .prepare(
      `SELECT p.counter_id, p.zone, p.start, p.end, p.count_in, p.count_out, p.dwell_seconds, c.entrance
         FROM footfall_periods p JOIN footfall_counters c ON c.id = p.counter_id
        WHERE p.start >= ? AND p.start < ? AND p.end > ?
        ORDER BY p.start`,
    )
    .all(new Date(dayStart - 86_400_000).toISOString(), to, from) as PeriodRow[];
  const zones = new Map<
    string,
    { in: number; out: number; dwellWeighted: number; dwellPeople: number }
  >();
  const perCounter = new Map<string, { in: number; out: number }>();
  for (const period of periods) {
    const start = Math.max(Date.parse(period.start), dayStart);
    const end = Math.min(Date.parse(period.end), dayEnd);
    const whole = Date.parse(period.end) - Date.parse(period.start);
    if (whole <= 0) continue;
    const share = (end - start) / whole;
    for (let hour = hourOf(start); hour < hours && dayStart + hour * HOUR_MS < end; hour++) {
      const overlap =
        Math.min(end, dayStart + (hour + 1) * HOUR_MS) - Math.max(start, dayStart + hour * HOUR_MS);
      const part = overlap / whole;
      const slot = acc[hour]!;
      if (period.entrance) {
        slot.visitors += period.count_in * part;
        slot.exits += period.count_out * part;
      }
      if (period.dwell_seconds !== null) {
        slot.dwellWeighted += period.dwell_seconds * period.count_in * part;
        slot.dwellPeople += period.count_in * part;
      }
    }
    const zone = zones.get(period.zone) ?? { in: 0, out: 0, dwellWeighted: 0, dwellPeople: 0 };
    zone.in += period.count_in * share;
    zone.out += period.count_out * share;
    if (period.dwell_seconds !== null) {
      zone.dwellWeighted += period.dwell_seconds * period.count_in * share;
      zone.dwellPeople += period.count_in * share;
    }
    zones.set(period.zone, zone);
    const counter = perCounter.get(period.counter_id) ?? { in: 0, out: 0 };
    counter.in += period.count_in * share;
    counter.out += period.count_out * share;
    perCounter.set(period.counter_id, counter);
  }

  // People in the store at an instant: the entrance counters' in less out so far today.
  const steps = periods
    .filter((period) => period.entrance && Date.parse(period.start) >= dayStart)
    .map((period) => ({
      at: Date.parse(period.start),
      change: period.count_in - period.count_out,
      in: period.count_in,
      end: Date.parse(period.end),
    }));
  const presentAt = (epoch: number): boolean => {
    let inside = 0;
    let arriving = false;
    for (const step of steps) {
      if (step.at > epoch) break;
      inside = Math.max(0, inside + step.change);
      if (epoch < step.end && step.in > 0) arriving = true;
    }
    return inside > 0 || arriving;
  };

  // Sales: the till's receipts in the store's currency, else the loyalty desk's.
  const sales = db
    .prepare('SELECT at, total FROM sales_receipts WHERE at >= ? AND at < ? AND currency = ?')
    .all(from, to, currency) as { at: string; total: number }[];
  let salesSource: DayFigures['salesSource'] = 'none';
  if (sales.length > 0) {
    salesSource = 'till';
    for (const sale of sales) {
      const slot = acc[hourOf(Date.parse(sale.at))]!;
      slot.revenue += sale.total;
      if (sale.total > 0) slot.transactions++;
    }
  } else {
    const loyalty = db
      .prepare('SELECT at FROM loyalty_redemptions WHERE at >= ? AND at < ?')
      .pluck()
      .all(from, to) as string[];
    if (loyalty.length > 0) salesSource = 'loyalty';
    for (const at of loyalty) acc[hourOf(Date.parse(at))]!.transactions++;
  }

  // Plays (a play's start), and whether anyone was in the store to see it.
  const plays = db
    .prepare(
      `SELECT at, json_extract(payload, '$.campaignId') AS campaign FROM events
        WHERE kind = 'proof-of-play' AND at >= ? AND at < ?
          AND json_extract(payload, '$.phase') = 'start'`,
    )
    .all(from, to) as { at: string; campaign: string }[];
  const byCampaign = new Map<string, { plays: number; playsWithPeople: number }>();
  for (const { at, campaign } of plays) {
    const epoch = Date.parse(at);
    const slot = acc[hourOf(epoch)]!;
    const perCampaign = byCampaign.get(campaign) ?? { plays: 0, playsWithPeople: 0 };
    slot.plays++;
    perCampaign.plays++;
    if (presentAt(epoch)) {
      slot.playsWithPeople++;
      perCampaign.playsWithPeople++;
    }
    byCampaign.set(campaign, perCampaign);
  }
  const promoted = promotedSales(db, from, to, currency);

  const round = (value: number) => Math.round(value);
  const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);
  const hourFigures: HourFigures[] = acc.map((slot, hour) => {
    const start = dayStart + hour * HOUR_MS;
    const local = localMoment(start, timeZone);
    const visitors = round(slot.visitors);
    return {
      start: new Date(start).toISOString(),
      label: `${String(Math.floor(local.minutes / 60)).padStart(2, '0')}:${String(local.minutes % 60).padStart(2, '0')}`,
      offset: offsetLabel(start, timeZone),
      visitors,
      exits: round(slot.exits),
      transactions: slot.transactions,
      revenue: salesSource === 'till' ? slot.revenue : null,
      conversion: ratio(slot.transactions, visitors),
      dwellSeconds: slot.dwellPeople > 0 ? slot.dwellWeighted / slot.dwellPeople : null,
      plays: slot.plays,
      playsWithPeople: slot.playsWithPeople,
    };
  });
  const sum = (pick: (slot: (typeof acc)[number]) => number) =>
    acc.reduce((total, slot) => total + pick(slot), 0);
  const visitors = round(sum((slot) => slot.visitors));
  const transactions = sum((slot) => slot.transactions);
  const revenue = salesSource === 'till' ? sum((slot) => slot.revenue) : null;
  const dwellPeople = sum((slot) => slot.dwellPeople);

  // Staff requests: made today, and how long each waited for a first answer.
  const requests = db
    .prepare(
      'SELECT created_at, answered_at FROM requests WHERE created_at >= ? AND created_at < ?',
    )
    .all(from, to) as { created_at: string; answered_at: string | null }[];
  const waits = requests
    .filter((request) => request.answered_at)
    .map((request) => (Date.parse(request.answered_at!) - Date.parse(request.created_at)) / 1000);
  const feedback = { like: 0, dislike: 0, green: 0, orange: 0, red: 0 };
  const ratings = db
    .prepare(
      `SELECT json_extract(payload, '$.value') AS value, count(*) AS n FROM events
        WHERE kind = 'feedback' AND at >= ? AND at < ? GROUP BY value`,
    )
    .all(from, to) as { value: keyof typeof feedback; n: number }[];
  for (const { value, n } of ratings) if (value in feedback) feedback[value] += n;
  const unansweredQuestions = db
    .prepare(`SELECT count(*) FROM events WHERE kind = 'question' AND at >= ? AND at < ?`)
    .pluck()
    .get(from, to) as number;

  return {
    storeId: options.storeId,
    date,
    timeZone,
    currency,
    salesSource,
    hours: hourFigures,
    totals: {
      visitors,
      exits: round(sum((slot) => slot.exits)),
      transactions,
      revenue,
      conversion: ratio(transactions, visitors),
      averageBasket: revenue !== null && transactions > 0 ? revenue / transactions : null,
      dwellSeconds: dwellPeople > 0 ? sum((slot) => slot.dwellWeighted) / dwellPeople : null,
      plays: sum((slot) => slot.plays),
      playsWithPeople: sum((slot) => slot.playsWithPeople),
      requests: requests.length,
      requestsAnswered: waits.length,
      medianAnswerSeconds: median(waits),
      feedback,
      lowRatings: feedback.red + feedback.dislike,
      unansweredQuestions,
    },
    zones: [...zones]
      .map(([zone, figures]) => ({
        zone,
        in: round(figures.in),
        out: round(figures.out),
        dwellSeconds: figures.dwellPeople > 0 ? figures.dwellWeighted / figures.dwellPeople : null,
      }))
      .sort((a, b) => a.zone.localeCompare(b.zone)),
    flags: counterFlags(db, { from, to, dayEnd, now, perCounter }),
    campaigns: [...byCampaign]
      .map(([campaignId, counted]) => ({ campaignId, ...counted }))
      .sort((a, b) => a.campaignId.localeCompare(b.campaignId)),
    promoted,
  };
}

/** The counters' flags of the day, with those read from the figures: in/out apart, silence. */
function counterFlags(
  db: Db,
  options: {
    from: string;
    to: string;
    dayEnd: number;
    now: number;
    perCounter: Map<string, { in: number; out: number }>;
  },
): DayFigures['flags'] {
  const stored = db
    .prepare(
      `SELECT counter_id AS counterId, kind, detail, last_at AS lastAt FROM counter_flags
        WHERE last_at >= ? AND last_at < ? ORDER BY counter_id, kind`,
    )
    .all(options.from, options.to) as DayFigures['flags'];
  const flags = [...stored];
  const at = new Date(Math.min(options.now, options.dayEnd)).toISOString();
  for (const [counterId, counted] of options.perCounter) {
    const most = Math.max(counted.in, counted.out);
    if (most >= IMBALANCE_MIN && Math.abs(counted.in - counted.out) / most > IMBALANCE_SHARE)
      flags.push({
        counterId,
        kind: 'imbalance',
        detail: `${Math.round(counted.in)} in, ${Math.round(counted.out)} out: a line may be miscounting`,
        lastAt: at,
      });
  }
  // Silent: no push for an hour while the day is running (a counter's clock or link is down).
  if (options.now < options.dayEnd) {
    const silent = db
      .prepare('SELECT id, last_push_at FROM footfall_counters WHERE last_push_at < ?')
      .all(new Date(options.now - SILENT_MS).toISOString()) as {
      id: string;
      last_push_at: string;
    }[];
    for (const counter of silent)
      flags.push({
        counterId: counter.id,
        kind: 'silent',
        detail: `no count since ${counter.last_push_at}`,
        lastAt: at,
      });
  }
  return flags;
}

/** The day's units and revenue of the products the campaigns show, from the receipts' lines. */
function promotedSales(db: Db, from: string, to: string, currency: string): DayFigures['promoted'] {
  const products = promotedProducts(db);
  if (products.size === 0) return [];
  const sold = new Map<string, { units: number; revenue: number }>();
  const lines = db
    .prepare(
      `SELECT lines FROM sales_receipts WHERE at >= ? AND at < ? AND currency = ? AND lines IS NOT NULL`,
    )
    .pluck()
    .all(from, to, currency) as string[];
  for (const text of lines)
    for (const line of JSON.parse(text) as {
      product: string;
      quantity: number;
      amount: number;
    }[]) {
      const productId = promotedProductOf(products, line.product);
      if (!productId) continue;
      const total = sold.get(productId) ?? { units: 0, revenue: 0 };
      total.units += line.quantity;
      total.revenue += line.amount;
      sold.set(productId, total);
    }
  return [...sold]
    .map(([productId, total]) => ({ productId, ...total }))
    .sort((a, b) => a.productId.localeCompare(b.productId));
}
