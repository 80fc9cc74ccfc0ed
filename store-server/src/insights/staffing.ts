// Staffing hints from the store's own history: the entrance counters' people in over the last
// weeks, by local weekday and hour (the store's zone), against the staff the manager planned
// for each hour of the week.
import {
  hoursNeedingMore,
  localMoment,
  type PlannedHour,
  type StaffingHints,
} from '@vitrine/shared/core';
import type { Db } from '../db/database';

const key = (weekday: number, hour: number) => weekday * 24 + hour;
const WEEK_MS = 7 * 86_400_000;

export function savePlan(db: Db, hours: readonly PlannedHour[]): void {
  db.transaction(() => {
    db.prepare('DELETE FROM staffing_plan').run();
    const insert = db.prepare('INSERT INTO staffing_plan (weekday, hour, staff) VALUES (?, ?, ?)');
    for (const hour of hours) insert.run(hour.weekday, hour.hour, hour.staff);
  })();
}

export function staffingHints(
  db: Db,
  options: { timeZone: string; weeks: number; now?: number },
): StaffingHints {
  const now = options.now ?? Date.now();
  const since = new Date(now - options.weeks * WEEK_MS).toISOString();
  // A store with less history than the weeks asked averages over the weeks it has counted.
  const first = db
    .prepare(
      `SELECT MIN(p.start) FROM footfall_periods p JOIN footfall_counters c ON c.id = p.counter_id
        WHERE c.entrance = 1 AND p.start >= ?`,
    )
    .pluck()
    .get(since) as string | null;
  const weeks = first
    ? Math.min(options.weeks, Math.max(1, Math.ceil((now - Date.parse(first)) / WEEK_MS)))
    : options.weeks;
  const visitors = new Map<number, number>();
  const periods = db
    .prepare(
      `SELECT p.start, p.count_in FROM footfall_periods p JOIN footfall_counters c ON c.id = p.counter_id
        WHERE c.entrance = 1 AND p.start >= ?`,
    )
    .all(since) as { start: string; count_in: number }[];
  for (const period of periods) {
    const local = localMoment(Date.parse(period.start), options.timeZone);
    const at = key(local.weekday, Math.floor(local.minutes / 60));
    visitors.set(at, (visitors.get(at) ?? 0) + period.count_in);
  }
  const plan = new Map(
    (db.prepare('SELECT weekday, hour, staff FROM staffing_plan').all() as PlannedHour[]).map(
      (row) => [key(row.weekday, row.hour), row.staff],
    ),
  );
  const hours = [];
  for (let weekday = 1; weekday <= 7; weekday++)
    for (let hour = 0; hour < 24; hour++) {
      const average = (visitors.get(key(weekday, hour)) ?? 0) / weeks;
      const staff = plan.get(key(weekday, hour)) ?? 0;
      if (average === 0 && staff === 0) continue;
      hours.push({
        weekday,
        hour,
        staff,
        visitors: average,
        perStaff: staff > 0 ? average / staff : null,
      });
    }
  return { weeks, hours, needMore: hoursNeedingMore(hours) };
}
