// Store insights across the chain: each store sends its days' figures (a `figures` event, the
// latest standing); head office compares stores and regions over a range of local days and
// shows any store's day as the store computed it. Stores are walked in id order, a page at a
// time (`next` → `after`).
import { z } from 'zod';
import { CampaignImpact, DayFigures } from '../../../insights';
import { CurrencyCode } from '../../../money';
import { StoreId } from '../../../link/messages';
import { route } from '../../route';
import { hqReader } from './roles';

const LocalDay = z.iso.date();
const Count = z.number().int().nonnegative();
const Ratio = z.number().nonnegative().nullable();
const MAX_DAYS = 366;
const DAY_MS = 86_400_000;

export const InsightsRangeQuery = z
  .object({
    from: LocalDay,
    to: LocalDay,
    region: StoreId.optional(),
    after: StoreId.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(500),
  })
  .refine((query) => query.from <= query.to, { message: '"from" is after "to"', path: ['to'] })
  .refine((query) => Date.parse(query.to) - Date.parse(query.from) < MAX_DAYS * DAY_MS, {
    message: `at most ${MAX_DAYS} days at once`,
    path: ['to'],
  });
export type InsightsRangeQuery = z.infer<typeof InsightsRangeQuery>;

const totals = {
  /** Days the store sent figures for in the range. */
  days: Count,
  visitors: Count,
  transactions: Count,
  /** Sales less refunds in `currency`; null when some day had no amounts from the till. */
  revenue: z.number().int().nullable(),
  currency: z.string(),
  conversion: Ratio,
  averageBasket: Ratio,
  plays: Count,
  playsWithPeople: Count,
  requests: Count,
  requestsAnswered: Count,
  lowRatings: Count,
  unansweredQuestions: Count,
  /** Flags raised on the stores' people counters (a wrong clock, a silence…): figures to doubt. */
  counterFlags: Count,
};

export const StoreInsightsRow = z.object({
  storeId: StoreId,
  name: z.string(),
  regionId: z.string().nullable(),
  ...totals,
});
export type StoreInsightsRow = z.infer<typeof StoreInsightsRow>;
export const RegionInsightsRow = z.object({
  regionId: z.string().nullable(),
  stores: Count,
  ...totals,
});
export type RegionInsightsRow = z.infer<typeof RegionInsightsRow>;

export const hqInsightsRoutes = {
  stores: route({
    method: 'GET',
    path: '/insights/stores',
    summary: 'Stores compared over a range of their local days: visitors, sales, conversion…',
    auth: hqReader,
    query: InsightsRangeQuery,
    response: z.object({ rows: z.array(StoreInsightsRow), next: z.string().nullable() }),
  }),
  regions: route({
    method: 'GET',
    path: '/insights/regions',
    summary: 'Regions compared over a range of days (a region per currency its stores use)',
    auth: hqReader,
    query: InsightsRangeQuery,
    response: z.object({ rows: z.array(RegionInsightsRow) }),
  }),
  campaignImpact: route({
    method: 'GET',
    path: '/insights/campaigns/:id',
    summary: 'What a campaign did for its products across the stores of one currency',
    auth: hqReader,
    params: z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a campaign id') }),
    query: z.object({ currency: CurrencyCode.default('EUR') }),
    response: CampaignImpact,
  }),
  storeDay: route({
    method: 'GET',
    path: '/insights/stores/:id/days/:date',
    summary: 'One store’s day hour by hour, as the store computed it',
    auth: hqReader,
    params: z.object({ id: StoreId, date: LocalDay }),
    response: DayFigures,
  }),
} as const;
