// Staffing hints: from the last weeks' visitors, how many people each hour of the week brings per
// member of staff the store plans, and the hours that most need another person.
import { z } from 'zod';

export const PlannedHour = z.object({
  /** ISO weekday, 1 = Monday. */
  weekday: z.number().int().min(1).max(7),
  hour: z.number().int().min(0).max(23),
  staff: z.number().int().min(0).max(200),
});
export type PlannedHour = z.infer<typeof PlannedHour>;

export const StaffingPlan = z.object({ hours: z.array(PlannedHour).max(168) });

export const StaffingHour = PlannedHour.extend({
  /** Average visitors in that hour over the weeks read. */
  visitors: z.number().nonnegative(),
  /** Visitors per member of staff planned; null when nobody is planned. */
  perStaff: z.number().nonnegative().nullable(),
});
export type StaffingHour = z.infer<typeof StaffingHour>;

export const StaffingHints = z.object({
  weeks: z.number().int().positive(),
  hours: z.array(StaffingHour),
  /** The hours that most need another person, busiest first (at most five). */
  needMore: z.array(StaffingHour),
});
export type StaffingHints = z.infer<typeof StaffingHints>;

/** The busiest hours per person planned; an hour with visitors and nobody planned comes first. */
export function hoursNeedingMore(hours: readonly StaffingHour[], most = 5): StaffingHour[] {
  const load = (hour: StaffingHour) => (hour.staff === 0 ? Infinity : (hour.perStaff ?? 0));
  return hours
    .filter((hour) => hour.visitors > 0)
    .sort((a, b) => load(b) - load(a) || b.visitors - a.visitors)
    .slice(0, most);
}
