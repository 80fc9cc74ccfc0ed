// Wall-clock time in a store's IANA time zone, from the platform's Intl (the
// time-zone database ships with Node and Chromium, DST rules included).
export type LocalMoment = {
  /** YYYY-MM-DD in the store's zone. */
  date: string;
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  /** Minutes since local midnight, 0–1439. */
  minutes: number;
};

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's wall clock to the second, with the weekday; one per zone (building one is slow). */
export function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'short',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** Throws a clear error for a zone the platform does not know. */
export function assertTimeZone(timeZone: string): string {
  try {
    formatter(timeZone);
  } catch {
    throw new Error(`unknown time zone "${timeZone}" (an IANA name such as Europe/Paris)`);
  }
  return timeZone;
}

export function localMoment(epochMs: number, timeZone: string): LocalMoment {
  const parts: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(epochMs)) parts[part.type] = part.value;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: WEEKDAYS[parts.weekday ?? ''] ?? 1,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/** The zone furthest ahead of UTC (UTC+14, all year): no store's calendar is past its date. */
const FURTHEST_AHEAD = 'Pacific/Kiritimati';

/**
 * The latest calendar day any store can be in at `epochMs`. A range of days "up to today" that
 * ends here holds every store's today, whatever the viewer's clock: at 23:30 UTC a Paris store
 * is already in tomorrow.
 */
export function latestLocalDate(epochMs: number): string {
  return localMoment(epochMs, FURTHEST_AHEAD).date;
}
