// Composes what helps a shopper through people: loyalty at the till, the staff
// request queue, remote experts and their calls, and the staff console's
// stock and device tools. server.ts mounts the router and calls stop().
import type { IceSettings } from './turn-credentials';
import { Router } from 'express';
import type { CatalogueStore } from '../catalogue/catalogue-store';
import type { Db } from '../db/database';
import type { DeviceRegistry } from '../devices/registry';
import { ExpertDirectory } from '../experts/expert-directory';
import { expertRoutes } from '../experts/expert-routes';
import type { Logger } from '../log';
import { loyaltyRoutes } from '../loyalty/loyalty-routes';
import { LoyaltyStore } from '../loyalty/loyalty-store';
import { requestRoutes } from '../requests/request-routes';
import { RequestStore } from '../requests/request-store';
import { staffDeskRoutes } from '../requests/staff-desk-routes';
import type { StaffAuth } from '../staff/staff-auth';
import { callRoutes } from './call-routes';
import { CallService } from './call-service';

export type Assistance = { router: Router; stop: () => void };

export function startAssistance(options: {
  db: Db;
  catalogue: CatalogueStore;
  registry: DeviceRegistry;
  staffAuth: StaffAuth;
  storeId: string;
  ice: IceSettings;
  log: Logger;
}): Assistance {
  const { db, catalogue, staffAuth } = options;
  const router = Router();
  router.use(loyaltyRoutes({ auth: staffAuth, store: new LoyaltyStore(db), catalogue }));
  const requests = new RequestStore(db);
  router.use(requestRoutes({ auth: staffAuth, store: requests, registry: options.registry }));
  router.use(staffDeskRoutes({ auth: staffAuth, db, catalogue, registry: options.registry }));
  const directory = new ExpertDirectory(db);
  const calls = new CallService(db, directory);
  router.use(
    callRoutes({
      calls,
      registry: options.registry,
      auth: staffAuth,
      ice: options.ice,
    }),
  );
  router.use(expertRoutes({ auth: staffAuth, directory, calls, db }));
  return {
    router,
    stop: () => {
      requests.stop();
      calls.stop();
    },
  };
}
