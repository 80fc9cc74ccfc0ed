// Store insights (store-server/src/insights/): people counters enrolled by a
// manager push their counts (Axis, Xovis or our generic shape; MQTT too, see
// docs/insights.md), the till sends its receipts, and the consoles read a
// day's figures hour by hour in the store's time zone.
import { z } from 'zod';
import {
  AxisLiveSum,
  CampaignImpact,
  CounterKind,
  DayFigures,
  GenericCounts,
  SaleReceipts,
  SalesImportResult,
  StaffingHints,
  StaffingPlan,
  XovisLogicsPush,
} from '../../insights';
import { CounterFlag } from '../../insights/kpis';
import { device, route, staff } from '../route';

const counters = device({ roles: ['counter'] });
const managers = staff('manager');
const readers = staff();
const KiB = 1024;

export const PushResult = z.object({
  stored: z.number().int(),
  unchanged: z.number().int(),
  /** What the push held that was left out, and why (a wrong clock, a negative count). */
  refused: z.array(z.string()),
});

export const NewCounter = z
  .object({
    name: z.string().trim().min(1).max(80),
    kind: CounterKind,
    /** At an entrance: its people in are the store's visitors. */
    entrance: z.boolean(),
  })
  .strict();

export const CounterListing = z.object({
  id: z.string(),
  name: z.string(),
  kind: CounterKind,
  entrance: z.boolean(),
  status: z.enum(['pending', 'active', 'revoked']),
  lastPushAt: z.string().nullable(),
  flags: z.array(CounterFlag),
});
export type CounterListing = z.infer<typeof CounterListing>;

export const EnrolledCounter = z.object({
  id: z.string(),
  /** Shown once: the counter's password (its user name is its id). */
  secret: z.string(),
  /** Where to point the counter's HTTP push, by kind. */
  pushPath: z.string(),
  /** Or publish the generic shape here over MQTT (user: id, password: secret). */
  mqttTopic: z.string(),
});

export const DayQuery = z.object({ date: z.iso.date() });

export const insightsRoutes = {
  addCounter: route({
    method: 'POST',
    path: '/insights/counters',
    summary: 'Enrols a people counter: its id and password (shown once) and where it pushes',
    auth: managers,
    body: NewCounter,
    response: EnrolledCounter,
    status: 201,
  }),
  counters: route({
    method: 'GET',
    path: '/insights/counters',
    summary: 'The people counters, their last push and what is wrong with them',
    auth: managers,
    response: z.object({ counters: z.array(CounterListing) }),
  }),
  pushAxis: route({
    method: 'POST',
    path: '/footfall/axis',
    summary: 'An AXIS People Counter pushes its totals since local midnight',
    auth: counters,
    body: AxisLiveSum,
    limit: 4 * KiB,
    response: PushResult,
  }),
  pushXovis: route({
    method: 'POST',
    path: '/footfall/xovis',
    summary: 'A Xovis sensor pushes its logics (counting lines and zones) over periods',
    auth: counters,
    body: XovisLogicsPush,
    limit: 1024 * KiB,
    response: PushResult,
  }),
  pushCounts: route({
    method: 'POST',
    path: '/footfall/counts',
    summary: 'Any other counter pushes periods in the generic shape (docs/insights.md)',
    auth: counters,
    body: GenericCounts,
    limit: 1024 * KiB,
    response: PushResult,
  }),
  addReceipts: route({
    method: 'POST',
    path: '/sales/receipts',
    summary: 'The till sends receipts (one or a batch); a receipt sent twice is kept once',
    auth: managers,
    body: SaleReceipts,
    limit: 4 * 1024 * KiB,
    response: SalesImportResult,
  }),
  importSales: route({
    method: 'POST',
    path: '/sales/import',
    summary: 'Imports a till’s CSV export of receipts (docs/insights.md)',
    auth: managers,
    body: { upload: { limit: 20 * 1024 * KiB, types: ['text/csv', 'text/plain'] } },
    response: SalesImportResult,
  }),
  day: route({
    method: 'GET',
    path: '/insights/day',
    summary: 'A day’s figures hour by hour in the store’s time zone: visitors, sales, plays…',
    auth: readers,
    query: DayQuery,
    response: DayFigures,
  }),
  campaigns: route({
    method: 'GET',
    path: '/insights/campaigns',
    summary: 'What the campaigns did for the products they show: sales before, during, after',
    auth: readers,
    response: z.object({ campaigns: z.array(CampaignImpact) }),
  }),
  staffing: route({
    method: 'GET',
    path: '/insights/staffing',
    summary: 'Visitors per member of staff by hour of the week, and the hours needing another',
    auth: managers,
    query: z.object({ weeks: z.coerce.number().int().min(1).max(60).default(8) }),
    response: StaffingHints,
  }),
  setStaffingPlan: route({
    method: 'PUT',
    path: '/insights/staffing-plan',
    summary: 'The staff planned for each hour of the week (replaces the plan)',
    auth: managers,
    body: StaffingPlan,
    response: 'empty',
  }),
  dayCsv: route({
    method: 'GET',
    path: '/insights/day.csv',
    summary: 'The same day, hour by hour, as CSV',
    auth: readers,
    query: DayQuery,
    response: { raw: 'text/csv' },
  }),
} as const;
