// Proof-of-play rows (campaign × store × screen × UTC hour) summed along one
// dimension, for the report's charts and tables. Pure, unit-tested.
import type { PlayRow } from './head-office-api';

export type Dimension = 'campaignId' | 'storeId' | 'deviceId' | 'hour';
export type Total = { key: string; plays: number; playedMs: number };

export function totalsBy(rows: readonly PlayRow[], dimension: Dimension): Total[] {
  const totals = new Map<string, Total>();
  for (const row of rows) {
    const key = row[dimension];
    const total = totals.get(key) ?? { key, plays: 0, playedMs: 0 };
    total.plays += row.plays;
    total.playedMs += row.playedMs;
    totals.set(key, total);
  }
  const list = [...totals.values()];
  // Hours read in time order; the others biggest first.
  return dimension === 'hour'
    ? list.sort((a, b) => (a.key < b.key ? -1 : 1))
    : list.sort((a, b) => b.plays - a.plays || (a.key < b.key ? -1 : 1));
}

/** A UTC hour bucket ("2026-11-23T08:00:00Z") as the store's local hour. */
export function localHourLabel(hourUtc: string, timeZone: string, locale: string): string {
  return new Date(hourUtc).toLocaleString(locale, {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
}
