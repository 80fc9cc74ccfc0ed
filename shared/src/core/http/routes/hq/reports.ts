// Head office's reports across stores (plan §3.5, §4): proof of play, feedback and requests from
// the daily rollups, by store, region and local day (each store's own time zone), a page at a
// time in (store, day, …) order. `next` is an opaque cursor: pass it back as `after`.
import { z } from 'zod';
import { StoreId } from '../../../link/messages';
import { route } from '../../route';
import { hqReader } from './roles';

const PAGE = 500;
/** A report reads at most a year and a day of days at once. */
export const MAX_REPORT_DAYS = 366;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A day on the store's own calendar, YYYY-MM-DD. */
const LocalDay = z.iso.date();
const Count = z.number().int().nonnegative();

const rangeQuery = {
  from: LocalDay,
  to: LocalDay,
  store: StoreId.optional(),
  region: StoreId.optional(),
  after: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,2000}$/, 'a cursor a report page gave as "next"')
    .optional(),
  limit: z.coerce.number().int().min(1).max(PAGE).default(PAGE),
};

type Range = { from: string; to: string };
const ordered = (query: Range) => query.from <= query.to;
const short = (query: Range) =>
  Date.parse(query.to) - Date.parse(query.from) < MAX_REPORT_DAYS * DAY_MS;
/** The range checks every report query shares. */
const inRange = <T extends z.ZodType<Range>>(schema: T) =>
  schema
    .refine(ordered, { message: '"from" is after "to"', path: ['to'] })
    .refine(short, { message: `at most ${MAX_REPORT_DAYS} days at once`, path: ['to'] });

export const ReportQuery = inRange(z.object(rangeQuery));
export type ReportQuery = z.infer<typeof ReportQuery>;
export const PlaysReportQuery = inRange(
  z.object({
    ...rangeQuery,
    campaign: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, 'a campaign id')
      .optional(),
  }),
);
export type PlaysReportQuery = z.infer<typeof PlaysReportQuery>;

/** Totals add up many stores: a region, a store or a campaign bounds what is summed. */
export const PlaysByDayQuery = PlaysReportQuery.refine(
  (query) =>
    query.region !== undefined || query.store !== undefined || query.campaign !== undefined,
  {
    message: 'name a region, a store or a campaign (the whole chain’s plays are per store)',
    path: ['region'],
  },
);

const dayOfStore = { storeId: StoreId, day: LocalDay };
const played = { plays: Count, interrupted: Count, playedMs: Count };

export const HqPlaysRow = z.object({
  ...dayOfStore,
  campaignId: z.string(),
  itemId: z.string(),
  ...played,
});
export const HqScreenPlaysRow = z.object({ ...dayOfStore, deviceId: z.string(), ...played });
export const HqFeedbackRow = z.object({
  ...dayOfStore,
  target: z.enum(['product', 'help', 'call', 'look']),
  productId: z.string().nullable(),
  likes: Count,
  dislikes: Count,
  green: Count,
  orange: Count,
  red: Count,
});
export const HqRequestsRow = z.object({
  ...dayOfStore,
  type: z.enum(['help', 'size', 'reservation', 'delivery']),
  n: Count,
});
/** A day's plays of one campaign summed over the stores asked for. */
export const HqPlaysDayRow = z.object({
  day: LocalDay,
  campaignId: z.string(),
  /** Stores where it played that day. */
  stores: Count,
  ...played,
});
export type HqPlaysRow = z.infer<typeof HqPlaysRow>;
export type HqPlaysDayRow = z.infer<typeof HqPlaysDayRow>;
export type HqScreenPlaysRow = z.infer<typeof HqScreenPlaysRow>;
export type HqFeedbackRow = z.infer<typeof HqFeedbackRow>;
export type HqRequestsRow = z.infer<typeof HqRequestsRow>;

const page = <T extends z.ZodType>(row: T) =>
  z.object({ rows: z.array(row), next: z.string().nullable() });

const FILTERS = 'by day range (local days), store or region';

export const hqReportRoutes = {
  plays: route({
    method: 'GET',
    path: '/reports/plays',
    summary: `Proof of play per store, day, campaign and media item, ${FILTERS} and campaign`,
    auth: hqReader,
    query: PlaysReportQuery,
    response: page(HqPlaysRow),
  }),
  playsByDay: route({
    method: 'GET',
    path: '/reports/plays/by-day',
    summary:
      'Proof of play per day and campaign, summed over a region, a store or a campaign’s stores',
    auth: hqReader,
    query: PlaysByDayQuery,
    response: page(HqPlaysDayRow),
  }),
  screenPlays: route({
    method: 'GET',
    path: '/reports/screen-plays',
    summary: `Proof of play per store, day and screen, ${FILTERS}`,
    auth: hqReader,
    query: ReportQuery,
    response: page(HqScreenPlaysRow),
  }),
  feedback: route({
    method: 'GET',
    path: '/reports/feedback',
    summary: `Likes and smileys per store, day, target and product, ${FILTERS}`,
    auth: hqReader,
    query: ReportQuery,
    response: page(HqFeedbackRow),
  }),
  requests: route({
    method: 'GET',
    path: '/reports/requests',
    summary: `Shoppers' requests per store, day and type, ${FILTERS}`,
    auth: hqReader,
    query: ReportQuery,
    response: page(HqRequestsRow),
  }),
} as const;

export const HQ_REPORTS_PAGE = PAGE;
