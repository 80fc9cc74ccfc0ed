// A store's figures for one of its days, hour by hour in its own time zone
// (23 or 25 hours on the days clocks change): what the staff console charts
// and head office compares. Money in the store currency's minor unit.
import { z } from 'zod';

const Count = z.number().int().nonnegative();
const Ratio = z.number().nonnegative().nullable();

export const HourFigures = z.object({
  /** The hour's first instant (UTC). */
  start: z.string(),
  /** Its wall-clock label and offset in the store's zone: "02:00", "+01:00". */
  label: z.string(),
  offset: z.string(),
  visitors: Count,
  exits: Count,
  transactions: Count,
  /** Sales less refunds; null when the till sends no amounts (loyalty receipts only). */
  revenue: z.number().int().nullable(),
  /** Transactions per visitor; null with no visitor. */
  conversion: Ratio,
  /** Average seconds in the zones that measure dwell; null where none does. */
  dwellSeconds: Ratio,
  plays: Count,
  /** Plays while people were in the store (by the entrance counters' in and out). */
  playsWithPeople: Count,
});
export type HourFigures = z.infer<typeof HourFigures>;

export const CounterFlagKind = z.enum([
  'clock',
  'negative',
  'flood',
  'reset',
  'refused',
  'imbalance',
  'silent',
]);
export type CounterFlagKind = z.infer<typeof CounterFlagKind>;

export const CounterFlag = z.object({
  counterId: z.string(),
  kind: CounterFlagKind,
  detail: z.string(),
  lastAt: z.string(),
});
export type CounterFlag = z.infer<typeof CounterFlag>;

export const DayFigures = z.object({
  storeId: z.string(),
  date: z.string(),
  timeZone: z.string(),
  currency: z.string(),
  /** Where transactions come from: the till's receipts, else the loyalty desk's, else none. */
  salesSource: z.enum(['till', 'loyalty', 'none']),
  hours: z.array(HourFigures),
  totals: HourFigures.omit({ start: true, label: true, offset: true }).extend({
    averageBasket: z.number().nullable(),
    requests: Count,
    requestsAnswered: Count,
    /** Median seconds from a request to its first answer. */
    medianAnswerSeconds: Ratio,
    feedback: z.object({
      like: Count,
      dislike: Count,
      green: Count,
      orange: Count,
      red: Count,
    }),
    /** Red smileys and dislikes: the ones a manager reads first. */
    lowRatings: Count,
    unansweredQuestions: Count,
  }),
  zones: z.array(z.object({ zone: z.string(), in: Count, out: Count, dwellSeconds: Ratio })),
  /** What is wrong with the counters today: their figures may be short or wrong. */
  flags: z.array(CounterFlag),
  /** Plays per campaign that day (a play counts at its start). */
  campaigns: z.array(z.object({ campaignId: z.string(), plays: Count, playsWithPeople: Count })),
  /**
   * Sales that day of the products the store's campaigns show (receipt lines naming them),
   * every day, run or not: before, during and after a campaign compare like with like.
   */
  promoted: z.array(
    z.object({ productId: z.string(), units: z.number().int(), revenue: z.number().int() }),
  ),
});
export type DayFigures = z.infer<typeof DayFigures>;
