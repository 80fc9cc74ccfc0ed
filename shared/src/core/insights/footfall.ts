// People counters' pushes, read into one shape: periods of a zone with the
// people who went in and out (and the average dwell where the sensor gives
// it). Three doors in: the Axis People Counter's JSON (running totals since
// the camera's local midnight, its clock without a zone), a Xovis sensor's
// logics push (per-line counts over explicit UTC periods), and our generic
// JSON for anything else (OpenDataCam through a bridge, a custom sensor),
// over HTTP or MQTT. Counts only: no image or identity travels or is kept.
import { z } from 'zod';
import { epochOfLocal, localMoment } from '../schedule';

const Count = z.number().int().nonnegative().max(1_000_000);
/** A sensor's name for a line or zone of its own ("Entrance", "Window"). */
export const ZoneName = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^\P{Cc}+$/u, 'no control characters');

/** One period of one zone, as stored: the people in and out, UTC bounds. */
export interface FootfallPeriod {
  zone: string;
  /** ISO 8601 UTC. */
  start: string;
  end: string;
  in: number;
  out: number;
  /** Average seconds a person stayed in the zone, when the sensor measures it. */
  dwellSeconds?: number;
}

export const MAX_PERIODS_PER_PUSH = 2_000;
export const CounterKind = z.enum(['axis', 'xovis', 'generic']);
export type CounterKind = z.infer<typeof CounterKind>;
/** A period longer than this is a sensor's gap or a wrong clock, not a count. */
export const MAX_PERIOD_MS = 24 * 3_600_000;

// ---- Axis People Counter -----------------------------------------------------------------

/** The camera's clock, "YYYYMMDDhhmmss", in its own local time. */
const AxisTimestamp = z
  .string()
  .regex(/^\d{14}$/, 'YYYYMMDDhhmmss, the camera’s local time')
  .transform((text) => ({
    date: `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`,
    time: `${text.slice(8, 10)}:${text.slice(10, 12)}:${text.slice(12, 14)}`,
  }));

/**
 * AXIS People Counter's live sum (`live-sum.json`, and the same fields in its data push):
 * how many went in and out since the camera's local midnight, at `timestamp`.
 */
export const AxisLiveSum = z.object({
  serial: z.string().min(1).max(64),
  name: ZoneName,
  timestamp: AxisTimestamp,
  in: Count,
  out: Count,
});
export type AxisLiveSum = z.input<typeof AxisLiveSum>;

/** A running total read from an Axis camera, placed in time. */
export interface AxisReading {
  zone: string;
  /** The camera's local day the totals run over. */
  day: string;
  /** The instant(s) the camera's clock can mean: two in the hour clocks fall back. */
  at: number[];
  in: number;
  out: number;
}

/** The instants a wall-clock time names in a zone: one, or two in a fall-back hour. */
export function instantsOfLocal(date: string, time: string, timeZone: string): number[] {
  const first = epochOfLocal(date, time, timeZone);
  const later = first + 3_600_000;
  // An hour later reads the same on the wall clock only in the hour clocks go back.
  const wall = localMoment(later, timeZone);
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return wall.date === date && wall.minutes === hour * 60 + minute ? [first, later] : [first];
}

export function axisReading(push: z.output<typeof AxisLiveSum>, timeZone: string): AxisReading {
  return {
    zone: push.name,
    day: push.timestamp.date,
    at: instantsOfLocal(push.timestamp.date, push.timestamp.time, timeZone),
    in: push.in,
    out: push.out,
  };
}

// ---- Xovis ---------------------------------------------------------------------------------

const EpochMs = z.number().int().min(946_684_800_000).max(4_102_444_800_000);

const XovisRecord = z.object({
  from: EpochMs,
  to: EpochMs,
  counts: z.array(z.object({ name: z.string().max(64), value: z.number().int() }).loose()).max(32),
});

/**
 * A Xovis sensor's logics push: per logic (a counting line, or a zone), records over
 * [from, to) in epoch ms with named counts. A line's `fw` and `bw` are in and out; a
 * zone's dwell, where it reports one, is in seconds.
 */
export const XovisLogicsPush = z.object({
  logics_data: z
    .object({
      sensor_info: z
        .object({ serial_number: z.string().max(64) })
        .loose()
        .optional(),
      logics: z
        .array(
          z
            .object({
              id: z.union([z.number(), z.string()]).optional(),
              name: ZoneName,
              info: z.string().max(200).optional(),
              records: z.array(XovisRecord).max(MAX_PERIODS_PER_PUSH),
            })
            .loose(),
        )
        .max(64),
    })
    .loose(),
});
export type XovisLogicsPush = z.input<typeof XovisLogicsPush>;

/** The counts a Xovis logic names: fw/bw for lines, a dwell for zones that report one. */
const XOVIS_IN = new Set(['fw', 'in', 'forward']);
const XOVIS_OUT = new Set(['bw', 'out', 'backward']);
const XOVIS_DWELL = /dwell/i;

export interface ReadPeriods {
  periods: FootfallPeriod[];
  /** What was wrong in the push and left out: a negative count, a period back to front. */
  refused: string[];
}

export function periodsFromXovis(push: z.output<typeof XovisLogicsPush>): ReadPeriods {
  const periods: FootfallPeriod[] = [];
  const refused: string[] = [];
  for (const logic of push.logics_data.logics)
    for (const record of logic.records) {
      let countIn = 0;
      let countOut = 0;
      let dwell: number | undefined;
      let negative = false;
      for (const count of record.counts) {
        if (count.value < 0) negative = true;
        if (XOVIS_IN.has(count.name)) countIn += count.value;
        else if (XOVIS_OUT.has(count.name)) countOut += count.value;
        else if (XOVIS_DWELL.test(count.name)) dwell = count.value;
      }
      const problem = negative ? 'a negative count' : periodProblem(record.from, record.to);
      if (problem) {
        refused.push(`${logic.name} ${new Date(record.from).toISOString()}: ${problem}`);
        continue;
      }
      periods.push({
        zone: logic.name,
        start: new Date(record.from).toISOString(),
        end: new Date(record.to).toISOString(),
        in: countIn,
        out: countOut,
        ...(dwell !== undefined && { dwellSeconds: dwell }),
      });
    }
  return { periods, refused };
}

// ---- Generic ---------------------------------------------------------------------------------

const IsoInstant = z.iso.datetime({ offset: true, message: 'an ISO 8601 time with its offset' });

/**
 * Our own shape, for any counter over HTTP or MQTT (docs/insights.md): periods of a zone
 * with the people in and out, times with their offset.
 */
export const GenericCounts = z.object({
  periods: z
    .array(
      z.object({
        zone: ZoneName,
        from: IsoInstant,
        to: IsoInstant,
        in: z.number().int(),
        out: z.number().int(),
        dwellSeconds: z.number().nonnegative().max(86_400).optional(),
      }),
    )
    .min(1)
    .max(MAX_PERIODS_PER_PUSH),
});
export type GenericCounts = z.input<typeof GenericCounts>;

export function periodsFromGeneric(push: z.output<typeof GenericCounts>): ReadPeriods {
  const periods: FootfallPeriod[] = [];
  const refused: string[] = [];
  for (const period of push.periods) {
    const from = Date.parse(period.from);
    const to = Date.parse(period.to);
    const problem = period.in < 0 || period.out < 0 ? 'a negative count' : periodProblem(from, to);
    if (problem) {
      refused.push(`${period.zone} ${period.from}: ${problem}`);
      continue;
    }
    periods.push({
      zone: period.zone,
      start: new Date(from).toISOString(),
      end: new Date(to).toISOString(),
      in: period.in,
      out: period.out,
      ...(period.dwellSeconds !== undefined && { dwellSeconds: period.dwellSeconds }),
    });
  }
  return { periods, refused };
}

function periodProblem(from: number, to: number): string | undefined {
  if (!(to > from)) return 'a period that ends before it starts';
  if (to - from > MAX_PERIOD_MS) return 'a period longer than a day';
  return undefined;
}
