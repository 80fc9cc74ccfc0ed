// What a campaign did for the products it shows: their sales in the store(s) before, during and
// after it ran, beside the visitors and the campaign's plays in each window. The windows are
// the same wherever they are computed (a store's console, head office): the days it ran (up to
// today), as many days just before, and as many just after its end (none while it runs), each
// at most MAX_WINDOW_DAYS.
import { z } from 'zod';
import { addDays, daysBetween } from '../schedule';

export const MAX_WINDOW_DAYS = 28;

export const ImpactPhase = z.enum(['before', 'during', 'after']);
export type ImpactPhase = z.infer<typeof ImpactPhase>;

export const ImpactWindow = z.object({
  phase: ImpactPhase,
  /** Local days, inclusive. */
  from: z.iso.date(),
  to: z.iso.date(),
  days: z.number().int().positive(),
  visitors: z.number().int().nonnegative(),
  plays: z.number().int().nonnegative(),
  /** Units and revenue (minor units) of the campaign's products sold in the window. */
  units: z.number().int(),
  revenue: z.number().int(),
});
export type ImpactWindow = z.infer<typeof ImpactWindow>;

export const CampaignImpact = z.object({
  campaignId: z.string(),
  name: z.string(),
  startDate: z.iso.date(),
  endDate: z.iso.date().nullable(),
  products: z.array(z.string()),
  windows: z.array(ImpactWindow),
});
export type CampaignImpact = z.infer<typeof CampaignImpact>;

/** The windows of a campaign scheduled from `startDate` to `endDate` (inclusive), seen `today`. */
export function impactWindows(
  schedule: { startDate: string; endDate?: string | undefined },
  today: string,
): { phase: ImpactPhase; from: string; to: string }[] {
  if (schedule.startDate > today) return [];
  const lastRun = schedule.endDate && schedule.endDate < today ? schedule.endDate : today;
  const length = Math.min(daysBetween(schedule.startDate, lastRun) + 1, MAX_WINDOW_DAYS);
  const during = {
    phase: 'during' as const,
    from: schedule.startDate,
    to: addDays(schedule.startDate, length - 1),
  };
  const windows: { phase: ImpactPhase; from: string; to: string }[] = [
    {
      phase: 'before' as const,
      from: addDays(schedule.startDate, -length),
      to: addDays(schedule.startDate, -1),
    },
    during,
  ];
  if (schedule.endDate && schedule.endDate < today) {
    const to =
      addDays(schedule.endDate, length) < today
        ? addDays(schedule.endDate, length)
        : addDays(today, -1);
    if (to > schedule.endDate)
      windows.push({ phase: 'after' as const, from: addDays(schedule.endDate, 1), to });
  }
  return windows;
}
