// What the people counters counted, kept per counter, zone and period start:
// a resend of the same period replaces it (sensors resend after an outage),
// so nothing is counted twice; a period that changed marks its days for head
// office's figures (figures-out.ts). What is wrong with a push (a clock in
// the future, a negative count, a flood) is refused and flagged for fleet
// health, never folded into the figures.
import {
  epochOfLocal,
  type AxisReading,
  type CounterKind,
  type FootfallPeriod,
} from '@vitrine/shared/core';
import type { Db } from '../db/database';
import type { DirtyDays } from './figures-out';

/** A period ending further ahead than this is a wrong clock. */
const CLOCK_AHEAD_MS = 10 * 60_000;
/** A period older than this is a wrong clock too (or a resend nobody can use). */
const OLDEST_MS = 400 * 86_400_000;
/** Pushes a counter may make in a minute before it is a flood. */
const PUSHES_PER_MINUTE = 120;

export type FlagKind = 'clock' | 'negative' | 'flood' | 'reset' | 'refused';

export interface CounterRow {
  id: string;
  kind: CounterKind;
  entrance: boolean;
  lastPushAt: string | null;
}

export interface PushResult {
  stored: number;
  unchanged: number;
  refused: string[];
}

export class FootfallStore {
  private readonly pushes = new Map<string, { minute: number; count: number }>();

  constructor(
    private readonly db: Db,
    private readonly dirty: DirtyDays,
    private readonly timeZone: string,
    private readonly now: () => number = Date.now,
  ) {}

  addCounter(id: string, kind: CounterKind, entrance: boolean): void {
    this.db
      .prepare(
        `INSERT INTO footfall_counters (id, kind, entrance, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, entrance = excluded.entrance`,
      )
      .run(id, kind, entrance ? 1 : 0, new Date(this.now()).toISOString());
  }

  counter(id: string): CounterRow | undefined {
    const row = this.db
      .prepare('SELECT id, kind, entrance, last_push_at FROM footfall_counters WHERE id = ?')
      .get(id) as
      { id: string; kind: CounterKind; entrance: number; last_push_at: string | null } | undefined;
    return (
      row && {
        id: row.id,
        kind: row.kind,
        entrance: row.entrance === 1,
        lastPushAt: row.last_push_at,
      }
    );
  }

  /** False when the counter pushes faster than a counter does: the push is refused and flagged. */
  admit(counterId: string): boolean {
    const minute = Math.floor(this.now() / 60_000);
    const seen = this.pushes.get(counterId);
    const count = seen?.minute === minute ? seen.count + 1 : 1;
    this.pushes.set(counterId, { minute, count });
    if (count <= PUSHES_PER_MINUTE) return true;
    if (count === PUSHES_PER_MINUTE + 1)
      this.flag(counterId, 'flood', `more than ${PUSHES_PER_MINUTE} pushes in a minute`);
    return false;
  }

  /** Stores periods read from a push (Xovis, generic); `refused`: what the reader left out. */
  storePeriods(counter: CounterRow, periods: FootfallPeriod[], refused: string[]): PushResult {
    return this.db.transaction(() => {
      const result = this.write(counter, periods, refused);
      this.pushed(counter.id);
      return result;
    })();
  }

  /**
   * An Axis camera's running totals since its local midnight: kept, and the periods between
   * consecutive readings of the day (re)computed. A late reading splits its period in two; a
   * total lower than the one before is the camera restarting its count (flagged).
   */
  storeAxisReading(counter: CounterRow, reading: AxisReading): PushResult {
    return this.db.transaction(() => {
      const at = this.placeReading(counter.id, reading);
      const iso = new Date(at).toISOString();
      const clock = this.clockProblem(at, at);
      if (clock) {
        this.flag(counter.id, 'clock', clock);
        this.pushed(counter.id);
        return { stored: 0, unchanged: 0, refused: [`${reading.zone} ${iso}: ${clock}`] };
      }
      const same = this.db
        .prepare(
          'SELECT total_in, total_out FROM footfall_readings WHERE counter_id = ? AND zone = ? AND at = ?',
        )
        .get(counter.id, reading.zone, iso) as { total_in: number; total_out: number } | undefined;
      this.pushed(counter.id);
      if (same && same.total_in === reading.in && same.total_out === reading.out)
        return { stored: 0, unchanged: 1, refused: [] };
      this.db
        .prepare(
          `INSERT INTO footfall_readings (counter_id, zone, day, at, total_in, total_out)
           VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (counter_id, zone, at)
           DO UPDATE SET total_in = excluded.total_in, total_out = excluded.total_out`,
        )
        .run(counter.id, reading.zone, reading.day, iso, reading.in, reading.out);
      type Reading = { at: string; total_in: number; total_out: number };
      const neighbour = (later: boolean) =>
        this.db
          .prepare(
            `SELECT at, total_in, total_out FROM footfall_readings
              WHERE counter_id = ? AND zone = ? AND day = ? AND ${later ? 'at > ? ORDER BY at' : 'at < ? ORDER BY at DESC'}
              LIMIT 1`,
          )
          .get(counter.id, reading.zone, reading.day, iso) as Reading | undefined;
      const midnight = new Date(epochOfLocal(reading.day, '00:00', this.timeZone)).toISOString();
      const before = neighbour(false) ?? { at: midnight, total_in: 0, total_out: 0 };
      const after = neighbour(true);
      const current = { at: iso, total_in: reading.in, total_out: reading.out };
      const periods = [this.between(counter.id, reading.zone, before, current)];
      if (after) periods.push(this.between(counter.id, reading.zone, current, after));
      return this.write(counter, periods, []);
    })();
  }

  /**
   * A reading's instant: in the hour clocks fall back, the pass its totals fit. Totals only
   * grow through a day, so a reading below one already taken in the first pass of that hour is
   * from the first pass, and one above it from the second.
   */
  private placeReading(counterId: string, reading: AxisReading): number {
    const [first, second] = reading.at;
    if (second === undefined) return first!;
    const firstPass = this.db
      .prepare(
        `SELECT total_in, total_out FROM footfall_readings
          WHERE counter_id = ? AND zone = ? AND at >= ? AND at < ?`,
      )
      .all(
        counterId,
        reading.zone,
        new Date(first!).toISOString(),
        new Date(second).toISOString(),
      ) as { total_in: number; total_out: number }[];
    if (firstPass.some((r) => r.total_in > reading.in || r.total_out > reading.out)) return first!;
    if (firstPass.some((r) => r.total_in < reading.in || r.total_out < reading.out)) return second;
    return first!;
  }

  private between(
    counterId: string,
    zone: string,
    from: { at: string; total_in: number; total_out: number },
    to: { at: string; total_in: number; total_out: number },
  ): FootfallPeriod {
    const reset = to.total_in < from.total_in || to.total_out < from.total_out;
    if (reset)
      this.flag(
        counterId,
        'reset',
        `totals went down at ${to.at} (the camera restarted its count)`,
      );
    return {
      zone,
      start: from.at,
      end: to.at,
      in: reset ? to.total_in : to.total_in - from.total_in,
      out: reset ? to.total_out : to.total_out - from.total_out,
    };
  }

  private write(counter: CounterRow, periods: FootfallPeriod[], refused: string[]): PushResult {
    const receivedAt = new Date(this.now()).toISOString();
    const upsert = this.db.prepare(
      `INSERT INTO footfall_periods (counter_id, zone, start, end, count_in, count_out, dwell_seconds, received_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (counter_id, zone, start) DO UPDATE SET end = excluded.end,
         count_in = excluded.count_in, count_out = excluded.count_out,
         dwell_seconds = excluded.dwell_seconds, received_at = excluded.received_at
       WHERE (end, count_in, count_out, dwell_seconds)
         IS NOT (excluded.end, excluded.count_in, excluded.count_out, excluded.dwell_seconds)`,
    );
    const changed: FootfallPeriod[] = [];
    const left = [...refused];
    let unchanged = 0;
    for (const period of periods) {
      // A reading at the very instant of the one before (an Axis push at midnight) spans nothing.
      if (Date.parse(period.end) <= Date.parse(period.start)) continue;
      const clock = this.clockProblem(Date.parse(period.start), Date.parse(period.end));
      if (clock) {
        left.push(`${period.zone} ${period.start}: ${clock}`);
        this.flag(counter.id, 'clock', clock);
        continue;
      }
      const result = upsert.run(
        counter.id,
        period.zone,
        period.start,
        period.end,
        period.in,
        period.out,
        period.dwellSeconds ?? null,
        receivedAt,
      );
      if (result.changes === 1) changed.push(period);
      else unchanged++;
    }
    if (refused.length > 0) this.flag(counter.id, 'refused', refused[0]!);
    for (const period of changed) this.dirty.touch(period.start, period.end);
    return { stored: changed.length, unchanged, refused: left.slice(0, 100) };
  }

  private clockProblem(start: number, end: number): string | undefined {
    const now = this.now();
    if (end > now + CLOCK_AHEAD_MS)
      return `a period ending ${Math.round((end - now) / 60_000)} min in the future (check the counter's clock)`;
    if (start < now - OLDEST_MS)
      return 'a period more than 400 days old (check the counter’s clock)';
    return undefined;
  }

  private pushed(counterId: string): void {
    this.db
      .prepare('UPDATE footfall_counters SET last_push_at = ? WHERE id = ?')
      .run(new Date(this.now()).toISOString(), counterId);
  }

  flag(counterId: string, kind: FlagKind, detail: string): void {
    const at = new Date(this.now()).toISOString();
    this.db
      .prepare(
        `INSERT INTO counter_flags (counter_id, kind, detail, first_at, last_at, times)
         VALUES (?, ?, ?, ?, ?, 1) ON CONFLICT (counter_id, kind)
         DO UPDATE SET detail = excluded.detail, last_at = excluded.last_at, times = times + 1`,
      )
      .run(counterId, kind, detail.slice(0, 300), at, at);
  }
}
