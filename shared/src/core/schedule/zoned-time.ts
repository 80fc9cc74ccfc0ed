// A wall-clock time in an IANA zone → the instant it names, from the same Intl
// time-zone database as local-time.ts. Feeds write sale dates without an offset
// ("2026-03-29T02:30") and mean the store's clock, DST included.
import { assertTimeZone, formatter } from './local-time';

/** The zone's offset from UTC at an instant, in ms (Paris in summer: +7,200,000). */
function offsetAt(epochMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(epochMs)) {
    if (part.type !== 'literal' && part.type !== 'weekday') parts[part.type] = Number(part.value);
  }
  const wall = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  const wholeSeconds = epochMs - (((epochMs % 1000) + 1000) % 1000);
  return wall - wholeSeconds;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;
const DAY_MS = 86_400_000;

/**
 * The instant of a local date ("2026-03-29") and time ("02:30", "02:30:15") in a zone.
 * A time the clocks skip (a spring-forward gap) moves forward by the gap: 02:30 on
 * Paris's spring-forward night is 03:30 CEST. A time that happens twice (fall-back)
 * is its earlier instant. Throws on a malformed date or time or an unknown zone.
 */
export function epochOfLocal(date: string, time: string, timeZone: string): number {
  const d = DATE.exec(date);
  const t = TIME.exec(time);
  if (!d || !t) throw new Error(`not a local date and time: "${date}" "${time}"`);
  assertTimeZone(timeZone);
  const [year, month, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const [hour, minute, second] = [Number(t[1]), Number(t[2]), Number(t[3] ?? 0)];
  const millis = Number((t[4] ?? '').padEnd(3, '0'));
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const check = new Date(wall);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    throw new Error(`no such date or time: "${date}" "${time}"`);
  }
  // Zones change offset at most once in a day around any given instant, so the
  // offsets a day before and after bound every reading of this wall time.
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  const readings = [wall - before, wall - after].filter(
    (epoch) => epoch + offsetAt(epoch, timeZone) === wall,
  );
  // No reading: the gap. The offset in force before it carries the time forward.
  return readings.length ? Math.min(...readings) : wall - before;
}
