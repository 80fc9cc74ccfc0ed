// The store itself as its consoles need it: which store, the currency its
// prices are in and its time zone, so a Swiss store's desk writes francs.
import { z } from 'zod';
import { CurrencyCode } from '../../money/format-money';
import { route, staff } from '../route';

export const StoreInfo = z.object({
  storeId: z.string(),
  currency: CurrencyCode,
  timeZone: z.string(),
  /** A chain store's head office (from its hq-link): its campaigns are written there. */
  headOffice: z.object({ url: z.string().nullable() }).optional(),
});
export type StoreInfo = z.infer<typeof StoreInfo>;

export const storeRoutes = {
  // Any signed-in role: the consoles ask after sign-in, and the store's
  // identity is not something to hand to whoever reaches the port.
  info: route({
    method: 'GET',
    path: '/store',
    summary: "The store's id, the currency its prices are in and its time zone",
    auth: staff(),
    response: StoreInfo,
  }),
} as const;
