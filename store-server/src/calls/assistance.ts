// Composes what helps a shopper through people: loyalty at the till, the staff
// request queue, remote experts and their calls, the staff console's stock and
// device tools, and the report of what shoppers thought of it all. server.ts
// registers the handlers and calls stop().
import type { IceSettings } from './turn-credentials';
import type { callRoutes, expertRoutes, loyaltyRoutes, requestRoutes } from '@vitrine/shared/core';
import type { CatalogueStore } from '../catalogue/catalogue-store';
import type { Db } from '../db/database';
import type { DeviceRegistry } from '../devices/registry';
import type { Handlers } from '../http/register-routes';
import { ExpertDirectory } from '../experts/expert-directory';
import { attachExpertPresence } from '../experts/expert-presence';
import { expertHandlers } from '../experts/expert-handlers';
import { ExpertSessions } from '../experts/expert-sessions';
import type { BrokerLink } from '../broker/broker-link';
import type { Logger } from '@vitrine/shared/node';
import { loyaltyHandlers } from '../loyalty/loyalty-handlers';
import { LoyaltyStore } from '../loyalty/loyalty-store';
import { requestHandlers } from '../requests/request-handlers';
import { RequestStore } from '../requests/request-store';
import type { StaffAuth } from '../staff/staff-auth';
import { callHandlers } from './call-handlers';
import { CallService } from './call-service';

export type Assistance = {
  /** Handlers of the route table's groups here (server.ts registers them). */
  handlers: {
    loyalty: Handlers<typeof loyaltyRoutes>;
    requests: Handlers<typeof requestRoutes>;
    experts: Handlers<typeof expertRoutes>;
    calls: Handlers<typeof callRoutes>;
  };
  /** Signed-in expert consoles on the broker (authentication, Mosquitto files). */
  expertSessions: ExpertSessions;
  /** Starts reading expert presence and publishing availability, once the link is up. */
  attachBroker: (link: BrokerLink) => Promise<void>;
  stop: () => void;
};

const SESSION_SWEEP_MS = 30_000;

export function startAssistance(options: {
  db: Db;
  catalogue: CatalogueStore;
  registry: DeviceRegistry;
  staffAuth: StaffAuth;
  storeId: string;
  /** ISO 4217 code of the store's prices, for the loyalty desk's explanations. */
  currency: string;
  ice: IceSettings;
  /** Where browsers reach the broker, when not this server's `/mqtt`. */
  browserBrokerUrl?: string;
  log: Logger;
}): Assistance {
  const { db, catalogue, staffAuth } = options;
  const requests = new RequestStore(db);
  const groups = {
    loyalty: loyaltyHandlers({
      store: new LoyaltyStore(db),
      catalogue,
      currency: options.currency,
    }),
    requests: requestHandlers(requests),
  };
  const directory = new ExpertDirectory(db);
  const calls = new CallService(db, directory);
  const expertSessions = new ExpertSessions(db, staffAuth.store, options.storeId);
  const stopSignOut = staffAuth.store.onSignOut((tokenHash) =>
    expertSessions.endByTokenHash(tokenHash),
  );
  const sweep = setInterval(() => {
    // A sweep the disk refuses is tried again next turn; it must not stop the server.
    try {
      expertSessions.sweep();
    } catch (error) {
      options.log.error({ err: (error as Error).message }, 'experts: session sweep failed');
    }
  }, SESSION_SWEEP_MS);
  const handlers = {
    ...groups,
    experts: expertHandlers({
      directory,
      calls,
      sessions: expertSessions,
      brokerUrl: options.browserBrokerUrl,
      db,
      catalogue,
    }),
    calls: callHandlers(calls, options.ice),
  };
  let stopPresence: (() => void) | undefined;
  return {
    handlers,
    expertSessions,
    attachBroker: async (link) => {
      stopPresence = await attachExpertPresence({
        link,
        storeId: options.storeId,
        directory,
        sessions: expertSessions,
        log: options.log,
      });
    },
    stop: () => {
      clearInterval(sweep);
      stopSignOut();
      stopPresence?.();
      requests.stop();
      calls.stop();
    },
  };
}
