// Initial sync, live deltas and gap recovery between a real store server and
// the real sync client (Node, fake-indexeddb).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes, routeUrl, type ProductStock, type RouteDef } from '@vitrine/shared/core';
import type { StoreServer } from '@vitrine/store-server/server';
import { provisionDevice, startNodeDevice } from '../support/node-device';
import { startTestServer, waitFor } from '../support/test-server';

let server: StoreServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

async function staff(route: RouteDef, params: object, init: RequestInit = {}) {
  return fetch(routeUrl(server.url, route, { params }), {
    ...init,
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${server.adminToken}`,
      ...init.headers,
    },
  });
}

describe('sync', () => {
  it('pulls the whole catalogue into a new device and answers a scan from it', async () => {
    const device = await startNodeDevice(server.url, provisionDevice(server));
    await waitFor(
      () => device.replicator.current.checkpoint === server.docs.head(),
      'initial sync',
    );
    const products = await device.db.products.count();
    expect(products).toBe(server.docs.countLive('products'));
    expect(products).toBeGreaterThanOrEqual(200);
    expect(await device.db.stock.count()).toBe(server.docs.countLive('stock'));
    const any = await device.db.products.limit(1).first();
    expect(any).toBeDefined();
    expect((await device.db.productByGtin(any!.variants[0]!.gtin!))?.id).toBe(any!.id);
    await device.stop();
  });

  it('applies a stock change live on every connected device', async () => {
    const devices = await Promise.all(
      [0, 1, 2].map(() => startNodeDevice(server.url, provisionDevice(server))),
    );
    await Promise.all(
      devices.map((device) =>
        waitFor(() => device.replicator.current.checkpoint === server.docs.head(), 'sync'),
      ),
    );
    const product = (await devices[0]!.db.products.limit(1).first())!;
    const response = await staff(
      apiRoutes.stock.setStock,
      { id: product.id },
      {
        method: 'PUT',
        body: JSON.stringify({
          locationId: 'paris-rivoli',
          variantId: product.variants[0]!.id,
          quantity: 42,
        }),
      },
    );
    expect(response.status).toBe(200);
    for (const device of devices) {
      const stock = await waitFor(async () => {
        const doc = await device.db.stock.get(product.id);
        const here = doc?.levels.find((level) => level.locationId === 'paris-rivoli');
        return here?.quantities[product.variants[0]!.id] === 42 ? doc : undefined;
      }, 'live stock change');
      expect(stock.id).toBe(product.id);
    }
    await Promise.all(devices.map((device) => device.stop()));
  });

  it('recovers a missed change by pulling when the next message shows a gap', async () => {
    const device = await startNodeDevice(server.url, provisionDevice(server));
    await waitFor(() => device.replicator.current.checkpoint === server.docs.head(), 'sync');
    const [first, second] = await device.db.stock.limit(2).toArray();
    // A change the device never hears about (not published)…
    const missed: ProductStock = { ...first!, levels: [] };
    server.docs.write([{ c: 'stock', id: missed.id, body: missed }], { notify: false });
    // …then one it does hear about, whose fromRev reveals the gap.
    server.catalogue.setStock(
      second!.id,
      'lyon-bellecour',
      Object.keys(second!.levels[0]?.quantities ?? {})[0] ?? 'no-variant',
      7,
    );
    await waitFor(
      () => device.replicator.current.checkpoint === server.docs.head(),
      'gap recovery',
    );
    expect((await device.db.stock.get(missed.id))?.levels).toEqual([]);
    await device.stop();
  });

  it('pulls what it missed while disconnected when it reconnects', async () => {
    const credential = provisionDevice(server);
    const dbName = `device-reconnect-${Date.now()}`;
    const device = await startNodeDevice(server.url, credential, { dbName });
    await waitFor(() => device.replicator.current.checkpoint === server.docs.head(), 'sync');
    await device.stop();
    // While it is away, a stock change it never hears about.
    const gtin = server.db.prepare('SELECT gtin FROM gtin_index LIMIT 1').pluck().get() as string;
    const any = server.catalogue.productByCode(gtin)!;
    const variant = any.variants[0]!;
    server.catalogue.setStock(any.id, 'paris-rivoli', variant.id, 3);
    const again = await startNodeDevice(server.url, credential, { dbName });
    await waitFor(
      () => again.replicator.current.checkpoint === server.docs.head(),
      'catch-up after reconnect',
    );
    const here = (await again.db.stock.get(any.id))?.levels.find(
      (level) => level.locationId === 'paris-rivoli',
    );
    expect(here?.quantities[variant.id]).toBe(3);
    await again.stop();
  });
});
