// The store's identity, currency and time zone (routes: shared/src/core/http/
// routes/store.ts), from the server's configuration: the consoles write prices
// and times in them; a chain store also names its head office.
import { DEFAULT_CURRENCY, type storeRoutes } from '@vitrine/shared/core';
import type { StoreServerConfig } from '../config';
import type { Handlers } from '../http/register-routes';

export function storeInfoHandlers(
  config: Pick<StoreServerConfig, 'storeId' | 'currency' | 'timeZone'>,
  /** A chain store's head office, from its hq-link file. */
  headOffice?: { url: string | undefined },
): Handlers<typeof storeRoutes> {
  const info = {
    storeId: config.storeId,
    currency: config.currency ?? DEFAULT_CURRENCY,
    timeZone: config.timeZone,
    ...(headOffice && { headOffice: { url: headOffice.url ?? null } }),
  };
  return { info: () => info };
}
