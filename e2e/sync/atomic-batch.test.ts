// A catalogue import reaches a screen as one new revision: the server marks
// its writes as one batch, and a device pulling it in several pages holds the
// pages and writes them together. Read between any two pages of the pull, the
// screen's copy has all of the new prices or none of them.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDeviceDb, Replicator, type DeviceDb } from '@vitrine/shared/client';
import type { Product } from '@vitrine/shared/core';
import type { StoreServer } from '@vitrine/store-server/server';
import { provisionDevice } from '../support/node-device';
import { startTestServer } from '../support/test-server';

const MARK = 999_999; // a price no demo product has
const CHANGED = 150; // of the test store's 200 products
const PAGE = 25;

let server: StoreServer;
let db: DeviceDb;
let replicator: Replicator;
/** The device's copy is read before each page is asked for: between two page writes. */
let seen: number[] = [];
let price = 0;
const withPrice = () => db.products.filter((product) => product.priceCents === price).count();

beforeAll(async () => {
  server = await startTestServer();
  ({ db } = await openDeviceDb(`atomic-${randomUUID()}`));
  replicator = new Replicator({
    db,
    baseUrl: server.url,
    credential: provisionDevice(server),
    pageSize: PAGE,
    fetch: async (input, init) => {
      if (price) seen.push(await withPrice());
      return fetch(input, init);
    },
  });
  await replicator.init();
  await replicator.pull();
});
afterAll(async () => {
  db?.close();
  await server?.close();
});

/** Writes a new price on the first CHANGED products, then pulls it into the device. */
async function pullNewPrice(newPrice: number, options: { atomic?: boolean }) {
  const products = server.docs.all<Product>('products').slice(0, CHANGED);
  expect(products).toHaveLength(CHANGED);
  server.docs.write(
    products.map((product) => ({
      c: 'products',
      id: product.id,
      body: { ...product, priceCents: newPrice },
    })),
    { ...options, notify: false },
  );
  price = newPrice;
  seen = [];
  await replicator.pull();
  expect(await withPrice()).toBe(CHANGED);
  expect(replicator.current.checkpoint).toBe(server.docs.head());
  expect(seen.length).toBeGreaterThanOrEqual(CHANGED / PAGE); // it did take several pages
  return seen;
}

describe('one import, one revision on the device', () => {
  it('shows all of a batch of new prices or none, never a part, while pulling it in pages', async () => {
    const seen = await pullNewPrice(MARK, { atomic: true });
    expect(seen.filter((count) => count !== 0 && count !== CHANGED)).toEqual([]);
  });

  it('writes ordinary changes page by page, so the test above can tell', async () => {
    const seen = await pullNewPrice(MARK + 1, {});
    expect(seen).toEqual(expect.arrayContaining([PAGE, 2 * PAGE]));
  });
});
