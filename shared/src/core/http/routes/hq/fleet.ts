// Head office's view of every store's screens (plan §3.7): what each store last reported in its
// fleet summary, a page at a time in (store, device) order, with a count per status.
import { z } from 'zod';
import { CounterFlagKind } from '../../../insights/kpis';
import { FleetDevice, StoreId } from '../../../link/messages';
import { route } from '../../route';
import { hqReader } from './roles';

const PAGE = 200;
const DeviceId = FleetDevice.shape.deviceId;
const App = FleetDevice.shape.app;
const ScreenStatus = FleetDevice.shape.status;

export const HqScreen = z.object({
  storeId: StoreId,
  deviceId: z.string(),
  app: App,
  version: z.string(),
  status: ScreenStatus,
  lastContact: z.iso.datetime(),
  showing: z.string().nullable(),
  /** A people counter's flags today, as its store last reported (empty for a screen). */
  flags: z.array(CounterFlagKind),
  /** When head office last heard of this screen from its store. */
  updatedAt: z.iso.datetime(),
});
export type HqScreen = z.infer<typeof HqScreen>;

/** Where a page ends: pass both back as `afterStore` and `afterDevice` for the next. */
const FleetCursor = z.object({ store: StoreId, device: z.string() });

export const FleetQuery = z
  .object({
    store: StoreId.optional(),
    region: StoreId.optional(),
    app: App.optional(),
    status: ScreenStatus.optional(),
    /** Only screens whose last contact is older than this (the ones gone quiet). */
    contactBefore: z.iso.datetime({ offset: true }).optional(),
    afterStore: StoreId.optional(),
    afterDevice: DeviceId.optional(),
    limit: z.coerce.number().int().min(1).max(PAGE).default(PAGE),
  })
  .refine((query) => (query.afterStore === undefined) === (query.afterDevice === undefined), {
    message: 'afterStore and afterDevice go together',
    path: ['afterDevice'],
  });

export const hqFleetRoutes = {
  list: route({
    method: 'GET',
    path: '/fleet',
    summary: `Screens by store and device, ${PAGE} a page at most, filtered by store, region, app, status, last contact before`,
    auth: hqReader,
    query: FleetQuery,
    response: z.object({
      screens: z.array(HqScreen),
      next: FleetCursor.nullable(),
      /** Screens per status under the same filters (every page, not only this one). */
      counts: z.object({ online: z.number().int(), offline: z.number().int() }),
    }),
  }),
} as const;
