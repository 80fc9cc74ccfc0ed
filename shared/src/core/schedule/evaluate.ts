// Is a schedule on at a given instant? A pure function of time and zone, so
// it is tested with a fake clock, DST days included.
import { localMoment } from './local-time';
import { addDays, type Schedule } from './schedule-types';

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

function dayIsOn(schedule: Schedule, date: string, weekday: number): boolean {
  if (!schedule.weekdays.includes(weekday)) return false;
  if (date < schedule.startDate) return false;
  return schedule.endDate === undefined || date <= schedule.endDate;
}

/**
 * A day part belongs to the day it starts on: Friday 22:00–02:00 plays until
 * Saturday 02:00 even if Saturday is not a chosen weekday. On a DST day the
 * wall clock decides: a part starting in the skipped hour begins when the
 * clock reaches a time inside it; in the repeated hour it plays twice.
 */
export function isScheduleOn(schedule: Schedule, epochMs: number, timeZone: string): boolean {
  const now = localMoment(epochMs, timeZone);
  if (schedule.dayParts.length === 0) return dayIsOn(schedule, now.date, now.weekday);
  const yesterday = addDays(now.date, -1);
  const yesterdayWeekday = now.weekday === 1 ? 7 : now.weekday - 1;
  return schedule.dayParts.some((part) => {
    const start = toMinutes(part.start);
    const end = toMinutes(part.end);
    if (start < end) {
      return now.minutes >= start && now.minutes < end && dayIsOn(schedule, now.date, now.weekday);
    }
    return (
      (now.minutes >= start && dayIsOn(schedule, now.date, now.weekday)) ||
      (now.minutes < end && dayIsOn(schedule, yesterday, yesterdayWeekday))
    );
  });
}

/** Could the schedule play at some point in [fromDate, fromDate + days]? (media prefetch) */
export function scheduleTouchesDays(schedule: Schedule, fromDate: string, days: number): boolean {
  // A part crossing midnight may still be playing on the first day, from the day before.
  for (let offset = -1; offset <= days; offset++) {
    const date = addDays(fromDate, offset);
    const day = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (dayIsOn(schedule, date, day === 0 ? 7 : day)) return true;
  }
  return false;
}
