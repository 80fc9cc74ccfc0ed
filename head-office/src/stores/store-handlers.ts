// The handlers of head office's `stores` and `enrolment` routes: PostgreSQL first, then the
// link follows (users file re-rendered and reloaded, the store's durables created).
import type { NatsConnection } from '@nats-io/transport-node';
import type { Pool } from 'pg';
import type { TrustAnchor } from '@vitrine/shared/core';
import { HttpError, type Logger } from '@vitrine/shared/node';
import type { HqHandlers } from '../http/register-api';
import { checkEnrolCode, createEnrolCode, enrolStore } from './enrolment';
import type { NatsConfig } from './nats-config';
import { ensureStoreConsumers } from './store-consumers';
import {
  createStore,
  getStore,
  listStores,
  revokeStore,
  setNeighbours,
  storeKeys,
  updateStore,
} from './store-directory';

export type StoreHandlerDeps = {
  pool: Pool;
  log: Logger;
  /** Absent when this head office runs without the link's users file (no enrolment then). */
  natsConfig: NatsConfig | undefined;
  /** HQ's connection to the cluster, once the link's streams are set. */
  nats: () => NatsConnection | undefined;
  /** The URLs stores connect to. */
  natsUrls: readonly string[] | undefined;
  trustAnchor: () => TrustAnchor;
};

const linkDown = (what: string, error: unknown) =>
  new HttpError(
    503,
    'link_unavailable',
    `${what}: ${error instanceof Error ? error.message : String(error)}; try again shortly`,
  );

export function storeHandlers(deps: StoreHandlerDeps): Pick<HqHandlers, 'stores' | 'enrolment'> {
  const { pool, log } = deps;
  // Saved already: a failed reload is retried by the nats-config role within seconds.
  const linkFollows = async (what: string) => {
    if (!deps.natsConfig) return;
    await deps.natsConfig.changed().catch((error: unknown) => {
      throw linkDown(`${what} is saved, but the NATS cluster did not reload`, error);
    });
  };

  return {
    stores: {
      create: async ({ body }) => {
        const store = await createStore(pool, body);
        log.info({ store: store.id }, 'store created');
        return store;
      },
      list: ({ query }) => listStores(pool, query),
      get: ({ params }) => getStore(pool, params.id),
      update: async ({ params, body, caller }) => {
        const store = await updateStore(pool, params.id, body);
        log.info({ store: store.id, change: body, by: caller.id }, 'store changed');
        return store;
      },
      setNeighbours: async ({ params, body }) => {
        const store = await setNeighbours(pool, params.id, body.neighbours);
        await linkFollows('the neighbours change');
        log.info({ store: store.id, neighbours: store.neighbours }, 'store neighbours changed');
        return store;
      },
      createEnrolCode: async ({ params, body }) => {
        const code = await createEnrolCode(pool, params.id, body.ttlMinutes);
        log.info({ store: params.id, expiresAt: code.expiresAt }, 'enrolment code issued');
        return code;
      },
      revoke: async ({ params }) => {
        const { store, keys } = await revokeStore(pool, params.id);
        await linkFollows('the revocation');
        log.warn({ store: store.id, keys }, 'store revoked: its keys no longer open the link');
        return store;
      },
      keys: async ({ params }) => ({ keys: await storeKeys(pool, params.id) }),
    },
    enrolment: {
      enrol: async ({ body }) => {
        if (!deps.natsConfig || !deps.natsUrls)
          throw new HttpError(
            503,
            'link_not_configured',
            'this head office has no NATS link configured',
          );
        await checkEnrolCode(pool, body.code, body.storeId);
        const nats = deps.nats();
        if (!nats)
          throw new HttpError(
            503,
            'link_unavailable',
            'head office is not connected to the NATS cluster yet: try again in a minute',
          );
        // Before the code is used: a store whose durables could not be made may try again.
        await ensureStoreConsumers(nats, body.storeId).catch((error: unknown) => {
          throw linkDown("the store's durables could not be created", error);
        });
        const { store, retired } = await enrolStore(pool, body.code, body.storeId, body.publicKey);
        await linkFollows('the enrolment');
        log.info({ store: store.id, key: body.publicKey, retired }, 'store enrolled');
        return {
          storeId: store.id,
          natsUrls: [...deps.natsUrls],
          trustAnchor: deps.trustAnchor(),
          region: store.region,
          neighbours: store.neighbours,
          timeZone: store.timeZone,
          currency: store.currency,
        };
      },
    },
  };
}
