// Sale dates: "start/end" in ISO 8601. An offset is taken as written; without one
// the store's zone is meant, DST included (epochOfLocal). Stored as UTC
// `toISOString()`, the form core/pricing.ts compares.
import type { Result } from '../parse';
import { epochOfLocal } from '../schedule/zoned-time';

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const no = <T>(error: string): Result<T> => ({ ok: false, error });

export type EffectiveDates = { startsAt?: string; endsAt?: string };

// Fractions of a second past milliseconds are matched and dropped.
const INSTANT =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)(?:(?<=\.\d{3})\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** An ISO 8601 instant; without an offset, in the store's zone. A bare end date means its whole day. */
function parseInstant(text: string, timeZone: string, end: boolean): Result<number> {
  const match = INSTANT.exec(text.trim());
  if (!match) return no(`"${text}" is not an ISO 8601 date and time (2026-03-29T09:00+01:00)`);
  const [, date = '', time, offset] = match;
  try {
    if (!time) {
      if (offset) return no(`"${text}" has an offset but no time`);
      const day = end ? new Date(epochOfLocal(date, '12:00', 'UTC') + 86_400_000) : undefined;
      return ok(epochOfLocal(day ? day.toISOString().slice(0, 10) : date, '00:00', timeZone));
    }
    if (!offset) return ok(epochOfLocal(date, time, timeZone));
    const utc = epochOfLocal(date, time, 'UTC');
    if (offset.toUpperCase() === 'Z') return ok(utc);
    const [, sign, hours, minutes] = /^([+-])(\d{2}):?(\d{2})$/.exec(offset) ?? [];
    const offsetMs = (Number(hours) * 60 + Number(minutes)) * 60_000;
    return ok(sign === '-' ? utc + offsetMs : utc - offsetMs);
  } catch (error) {
    return no(`"${text}": ${(error as Error).message}`);
  }
}

/** "start/end" (either side may be empty: open-ended) → UTC instants written `toISOString()`. */
export function parseEffectiveDates(text: string, timeZone: string): Result<EffectiveDates> {
  const parts = text.trim().split('/');
  if (parts.length !== 2)
    return no(`"${text}" is not "start/end" (2026-03-01T00:00/2026-03-31T23:59)`);
  const [startText = '', endText = ''] = parts.map((part) => part.trim());
  const start = startText ? parseInstant(startText, timeZone, false) : ok(undefined);
  if (!start.ok) return start;
  const end = endText ? parseInstant(endText, timeZone, true) : ok(undefined);
  if (!end.ok) return end;
  if (start.value !== undefined && end.value !== undefined && end.value <= start.value) {
    return no(`"${text}" ends before it starts`);
  }
  return ok({
    ...(start.value !== undefined && { startsAt: new Date(start.value).toISOString() }),
    ...(end.value !== undefined && { endsAt: new Date(end.value).toISOString() }),
  });
}
