// A screen that synced before variants had ids holds a v1 copy (stock keyed
// by GTIN), one that synced before the free taxonomy a v2 copy (a fixed
// category), each with a checkpoint at the server's head: without the Dexie
// upgrades it would think itself up to date and never read the catalogue
// again. Opened by today's code, it clears that copy and pulls the v3 catalogue.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Product, ProductStock, scanCodesOf } from '@vitrine/shared/core';
import type { StoreServer } from '@vitrine/store-server/server';
import { provisionDevice, startNodeDevice } from '../support/node-device';
import { startTestServer, waitFor } from '../support/test-server';

let server: StoreServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

/**
 * The local database as older code declared it: Dexie v3 held catalogue v1
 * (device-db.ts before variant ids), v4 catalogue v2 (before the free taxonomy).
 */
async function writeOldCopy(name: string, checkpoint: number, version: 3 | 4): Promise<void> {
  const old = new Dexie(name);
  old.version(1).stores({
    products: 'id, *codes, category',
    stock: 'id',
    reviews: 'id',
    promotions: 'id',
    faq: 'id',
    locations: 'id',
    looks: 'id',
    meta: 'key',
    outbox: 'seq, id',
    rejected: 'id',
  });
  old.version(2).stores({ campaigns: 'id', screens: 'id' });
  old.version(3).stores({ settings: 'id' });
  if (version === 4) old.version(4).stores({});
  const gtin = '03764100000017';
  await old.table('products').put({
    id: 'old-cheese',
    gtin,
    codes: [gtin],
    name: { fr: 'Comté', en: 'Comté' },
    brand: 'Jura',
    category: 'food',
    subcategory: 'cheese',
    currency: 'EUR',
    variants: version === 4 ? [{ id: 'old-cheese-1', gtin }] : [],
  });
  const key = version === 4 ? 'old-cheese-1' : gtin;
  await old.table('stock').put({
    id: 'old-cheese',
    levels: [{ locationId: 'online', quantities: { [key]: 4 } }],
  });
  await old.table('meta').put({ key: 'sync.checkpoint', value: checkpoint });
  old.close();
}

describe('a device with a copy from before variant ids or the free taxonomy', () => {
  it.each([3, 4] as const)(
    'drops a Dexie v%i copy and pulls the catalogue in the new shape',
    async (version) => {
      const dbName = `device-v${version}-copy-${Date.now()}`;
      await writeOldCopy(dbName, server.docs.head(), version);
      const device = await startNodeDevice(server.url, provisionDevice(server), { dbName });
      try {
        await waitFor(
          () => device.replicator.current.checkpoint === server.docs.head(),
          'the catalogue pulled again',
        );
        expect(await device.db.products.get('old-cheese')).toBeUndefined();
        expect(await device.db.products.count()).toBe(server.docs.countLive('products'));
        expect(await device.db.stock.count()).toBe(server.docs.countLive('stock'));
        expect(device.replicator.current.invalidDocs).toBe(0);
        const products = await device.db.products.toArray();
        expect(products.every((product) => Product.safeParse(product).success)).toBe(true);
        // Each variant's GTIN scans to its product; stock reads by variant id.
        const garment = products.find((product) => product.variants.length > 1)!;
        const variant = garment.variants[1]!;
        expect((await device.db.productByGtin(variant.gtin!))?.id).toBe(garment.id);
        expect(garment.codes).toEqual(scanCodesOf(garment));
        const stock = await device.db.stock.get(garment.id);
        if (stock) {
          expect(ProductStock.safeParse(stock).success).toBe(true);
          expect(Object.keys(stock.levels[0]!.quantities).sort()).toEqual(
            garment.variants.map((v) => v.id).sort(),
          );
        }
      } finally {
        await device.stop();
      }
    },
  );
});
