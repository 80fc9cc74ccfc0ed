// When a campaign plays, in the store's own wall-clock time: a date range,
// weekdays and day parts (a day part may cross midnight: 22:00–02:00).
import { z } from 'zod';

export const LocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine(isRealDate, 'a date that exists');
export const LocalTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM (00:00–23:59)');

export const DayPart = z.object({ start: LocalTime, end: LocalTime });
export type DayPart = z.infer<typeof DayPart>;

/** ISO weekdays: 1 = Monday … 7 = Sunday. */
export const Weekday = z.number().int().min(1).max(7);

export const Schedule = z.object({
  startDate: LocalDate,
  /** Inclusive; absent means "until unpublished". */
  endDate: LocalDate.optional(),
  weekdays: z.array(Weekday).min(1).max(7),
  /** Empty means all day. A part that ends before it starts crosses midnight. */
  dayParts: z.array(DayPart).max(12),
});
export type Schedule = z.infer<typeof Schedule>;

function isRealDate(text: string): boolean {
  const [y, m, d] = text.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Days between two YYYY-MM-DD dates (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** The date `days` after `date` (negative: before), on the calendar, no time zone involved. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** ISO weekday (1 = Monday) of a calendar date. */
export function weekdayOf(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** Why a schedule can never play (empty when it can). */
export function scheduleProblems(schedule: Schedule): string[] {
  const problems: string[] = [];
  for (const part of schedule.dayParts) {
    if (part.start === part.end) {
      problems.push(`day part ${part.start}–${part.end} is empty: start and end are equal`);
    }
  }
  if (schedule.endDate !== undefined) {
    const span = daysBetween(schedule.startDate, schedule.endDate);
    if (span < 0) {
      problems.push(
        `the schedule ends (${schedule.endDate}) before it starts (${schedule.startDate})`,
      );
    } else if (span < 7) {
      const days = Array.from({ length: span + 1 }, (_, i) =>
        weekdayOf(addDays(schedule.startDate, i)),
      );
      if (!days.some((day) => schedule.weekdays.includes(day))) {
        problems.push('none of the chosen weekdays falls between the start and end dates');
      }
    }
  }
  return problems;
}
