// The day Paris's clocks last went back (25 hours), and an entrance counter's day on it: an
// Axis camera's running totals at the end of every hour (both 02:00s), people arriving each
// hour as ARRIVALS says (nobody in the 7th hour). Shared by the store and chain tests, whose
// hand computations start from the same numbers.
import { epochOfLocal } from '@vitrine/shared/core';

export const ZONE = 'Europe/Paris';
const HOUR = 3_600_000;

/** The last Sunday of October before today (Paris goes back to CET that night). */
function lastFallBack(now = Date.now()): string {
  for (let year = new Date(now).getUTCFullYear(); ; year--) {
    const day = new Date(Date.UTC(year, 9, 31));
    day.setUTCDate(31 - day.getUTCDay());
    if (day.getTime() + 2 * 86_400_000 < now) return day.toISOString().slice(0, 10);
  }
}

export const DAY = lastFallBack();
const dayStart = epochOfLocal(DAY, '00:00', ZONE);
export const hourStart = (hour: number) => dayStart + hour * HOUR;

/** The camera's clock: local wall time, "YYYYMMDDhhmmss". */
export const axisClock = (epoch: number) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  })
    .format(epoch)
    .replace(/\D/g, '');

/** People through the entrance in each of the day's 25 hours (nobody in the 7th). */
export const ARRIVALS = Array.from({ length: 25 }, (_, hour) => (hour === 6 ? 0 : (hour % 5) + 1));
export const ARRIVED = ARRIVALS.reduce((a, b) => a + b, 0);

const totals = (hour: number) => ARRIVALS.slice(0, hour + 1).reduce((a, b) => a + b, 0);

/** The camera's push at the end of `hour` (its totals so far); the last at 23:59. */
export function axisPush(
  hour: number,
  at = hour === 24 ? hourStart(24) + 59 * 60_000 : hourStart(hour + 1),
) {
  return {
    serial: 'ACCC8E000001',
    name: 'Entrée',
    timestamp: axisClock(at),
    in: totals(hour),
    out: totals(hour),
  };
}
