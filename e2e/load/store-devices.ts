// The simulated devices' real credentials: each enrols at its store (`devices.enrol`) and a
// member of staff approves its pairing code from the staff desk (`stock.approveDevice`), as a
// new screen is brought into a store. Also what a device needs before it starts: the trust
// anchor its store pins, and the product whose stock the churn changes.
import {
  ApiCallError,
  apiRoutes,
  callRoute,
  deviceBearer,
  ProductStock,
  type ApiTransport,
  type DeviceCredential,
  type TrustAnchor,
} from '@vitrine/shared/core';
import type { ChainStoreEndpoints } from '../../head-office/src/chain/endpoints';
import type { DeviceSpec, StockWatch } from './worker-protocol';

/** The demo's manager: staff approve screens and correct stock; a manager may at any location. */
const MANAGER = 'manager';

/** A staff session at the store (its demo manager), as the staff console signs in. */
export async function staffSession(store: ChainStoreEndpoints): Promise<ApiTransport> {
  const session = await reaching(`signing in at ${store.id}`, () =>
    callRoute({ baseUrl: store.base }, apiRoutes.auth.login, {
      body: { userId: MANAGER, password: store.demoPassword },
    }),
  );
  return { baseUrl: store.base, authorization: () => `Bearer ${session.token}` };
}

/**
 * `call`, tried again while the store cannot be reached (a connection refused or timed out on a
 * machine this loaded); an answer of the store's (4xx) is thrown at once.
 */
async function reaching<T>(what: string, call: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (error instanceof ApiCallError || attempt >= 5) {
        const cause = (error as { cause?: { message?: string } }).cause?.message;
        throw new Error(`${what}: ${(error as Error).message}${cause ? ` (${cause})` : ''}`, {
          cause: error,
        });
      }
      await new Promise((resolve) => setTimeout(resolve, 1_000 * attempt));
    }
  }
}

async function enrolOne(store: ChainStoreEndpoints, staff: ApiTransport, index: number) {
  const enrolled = await reaching(`enrolling a screen at ${store.id}`, () =>
    callRoute({ baseUrl: store.base }, apiRoutes.devices.enrol, {
      body: { role: 'signage', name: `loadtest screen ${index}` },
    }),
  );
  await reaching(`approving a screen at ${store.id}`, () =>
    callRoute(staff, apiRoutes.stock.approveDevice, {
      body: { pairingCode: enrolled.pairingCode },
    }),
  );
  return { deviceId: enrolled.deviceId, secret: enrolled.secret };
}

/** `count` approved signage screens at `store`, `concurrency` enrolments at a time. */
export async function enrolDevices(
  store: ChainStoreEndpoints,
  count: number,
  concurrency: number,
): Promise<DeviceSpec[]> {
  const staff = await staffSession(store);
  const specs: DeviceSpec[] = [];
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const index = next++;
      const credential = await enrolOne(store, staff, index);
      specs.push({
        ...credential,
        storeId: store.id,
        baseUrl: store.base,
        mqttUrl: `mqtt://127.0.0.1:${store.ports.mqtt}`,
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  return specs;
}

export function trustAnchorOf(store: ChainStoreEndpoints): Promise<TrustAnchor> {
  return callRoute({ baseUrl: store.base }, apiRoutes.campaigns.trustAnchor, {});
}

/** The first product of the store's feed with a stock level: its first location and item. */
export async function churnTarget(
  store: ChainStoreEndpoints,
  credential: DeviceCredential,
): Promise<StockWatch> {
  const transport = { baseUrl: store.base, authorization: () => deviceBearer(credential) };
  let since = 0;
  for (;;) {
    const page = await callRoute(transport, apiRoutes.sync.pull, {
      query: { since, limit: 2_000 },
    });
    for (const doc of page.docs) {
      if (doc.c !== 'stock' || doc.del) continue;
      const stock = ProductStock.safeParse(doc.body);
      const level = stock.success ? stock.data.levels[0] : undefined;
      const variantId = level ? Object.keys(level.quantities)[0] : undefined;
      if (level && variantId) return { productId: doc.id, locationId: level.locationId, variantId };
    }
    if (page.docs.length === 0 || page.until >= page.head)
      throw new Error(`${store.id} has no product with a stock level to correct`);
    since = page.until;
  }
}
