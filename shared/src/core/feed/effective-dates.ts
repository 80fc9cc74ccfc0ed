// Sale dates: "start/end" in ISO 8601. An offset is taken as written; without one
// the store's zone is meant, DST included (epochOfLocal). Stored as UTC
// `toISOString()`, the form core/pricing.ts compares.
import { epochOfLocal } from '../schedule/zoned-time';
import type { FieldResult as Result } from './fields';
import { reportMessage, reportText, type ReportMessage } from './report-messages';

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const no = <T>(message: ReportMessage): Result<T> => ({
  ok: false,
  error: reportText(message, 'en')!,
  message,
});

export type EffectiveDates = { startsAt?: string; endsAt?: string };

// Fractions of a second past milliseconds are matched and dropped.
const INSTANT =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)(?:(?<=\.\d{3})\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** An ISO 8601 instant; without an offset, in the store's zone. A bare end date means its whole day. */
function parseInstant(text: string, timeZone: string, end: boolean): Result<number> {
  const match = INSTANT.exec(text.trim());
  if (!match) return no(reportMessage('date_not_iso', { value: text }));
  const [, date = '', time, offset] = match;
  try {
    if (!time) {
      if (offset) return no(reportMessage('date_offset_no_time', { value: text }));
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
    return no(reportMessage('date_invalid', { value: text, reason: (error as Error).message }));
  }
}

/** "start/end" (either side may be empty: open-ended) → UTC instants written `toISOString()`. */
export function parseEffectiveDates(text: string, timeZone: string): Result<EffectiveDates> {
  const parts = text.trim().split('/');
  if (parts.length !== 2) return no(reportMessage('dates_not_range', { value: text }));
  const [startText = '', endText = ''] = parts.map((part) => part.trim());
  const start = startText ? parseInstant(startText, timeZone, false) : ok(undefined);
  if (!start.ok) return start;
  const end = endText ? parseInstant(endText, timeZone, true) : ok(undefined);
  if (!end.ok) return end;
  if (start.value !== undefined && end.value !== undefined && end.value <= start.value) {
    return no(reportMessage('dates_reversed', { value: text }));
  }
  return ok({
    ...(start.value !== undefined && { startsAt: new Date(start.value).toISOString() }),
    ...(end.value !== undefined && { endsAt: new Date(end.value).toISOString() }),
  });
}
