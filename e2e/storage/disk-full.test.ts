// A store server on a real, small file system (a tmpfs this test mounts) that
// fills up: health says so (503 with the reason), writes answer 507 with a clear
// message, screens keep syncing, and everything comes back by itself once space
// returns. Then the same on a restart with the disk already full.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '@vitrine/shared/core';
import type { StoreServer } from '@vitrine/store-server/server';
import { fetchRoute } from '../support/route-fetch';
import { mountSmallDisk, type SmallDisk } from '../support/small-disk';
import { startTestServer } from '../support/test-server';
import { call, kioskBearer, signIn, variantOf } from '../staff/staff-helpers';

const mounted = mountSmallDisk(48);
const refused = 'refused' in mounted ? mounted.refused : undefined;
if (refused) console.warn(`disk-full tests skipped: ${refused}`);
const disk = mounted as SmallDisk;

type Health = {
  status: string;
  reasons?: string[];
  storage: { ok: boolean; fault?: string; freeBytes: number | null };
};
const health = async (server: StoreServer) => {
  const response = await fetchRoute(server.url, apiRoutes.health.health);
  return { status: response.status, body: (await response.json()) as Health };
};

/** What a screen does all day: pull the change feed, look a product up, fetch its picture. */
async function screenStillServed(server: StoreServer): Promise<void> {
  const sync = await fetchRoute(server.url, apiRoutes.sync.pull, {
    query: { since: 0, limit: 50 },
    token: kioskBearer(server),
  });
  expect(sync.status).toBe(200);
  const page = (await sync.json()) as { docs: { c: string; id: string }[] };
  expect(page.docs.length).toBeGreaterThan(0);
  const product = page.docs.find((change) => change.c === 'products');
  expect(product).toBeDefined();
  const picture = await fetch(`${server.url}/media/products/${product?.id}-1.svg`);
  expect(picture.status).toBe(200);
  const scanned = await fetchRoute(server.url, apiRoutes.stock.byCode, {
    params: { code: variantOf(server).gtin },
    token: kioskBearer(server),
  });
  expect(scanned.status).toBe(200);
}

describe.skipIf(refused !== undefined)('a store server whose disk fills up', () => {
  let server: StoreServer;
  let staff: string;
  let garment: ReturnType<typeof variantOf>;
  const correct = (quantity: number) =>
    call(server, apiRoutes.stock.correct, {
      token: staff,
      body: {
        productId: garment.id,
        variantId: garment.variantId,
        locationId: server.config.storeId,
        quantity,
        reason: 'count',
      },
    });

  beforeAll(async () => {
    server = await startTestServer({ dataDir: disk.dir, demoScale: 50, storageFloorMb: 1 });
    staff = await signIn(server, 'staff');
    garment = variantOf(server);
  });
  afterAll(async () => {
    await server?.close();
    disk.unmount();
  });

  it('answers 503 "storage full" and 507 for writes, keeps serving screens, and recovers', async () => {
    expect((await health(server)).status).toBe(200);
    expect((await correct(3)).status).toBe(201);

    disk.fill();
    await expect.poll(async () => (await health(server)).status).toBe(503);
    const full = await health(server);
    expect(full.body.reasons).toContain('storage full: the server is read-only');
    expect(full.body.storage).toMatchObject({ ok: false, fault: 'full' });

    const refusedWrite = await correct(5);
    expect(refusedWrite.status).toBe(507);
    expect(refusedWrite.body.error?.code).toBe('storage_full');
    expect(JSON.stringify(refusedWrite.body.error)).toMatch(/disk is full: nothing was saved/);
    await screenStillServed(server);

    disk.free();
    await expect.poll(async () => (await health(server)).status, { timeout: 15_000 }).toBe(200);
    const saved = await correct(6);
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ correction: { after: 6 } });
  });

  it('starts read-only on a full disk, serves what it has, and takes writes once space returns', async () => {
    await server.close();
    disk.fill();
    // The old start died here with an uncaught SqliteError.
    server = await startTestServer({ dataDir: disk.dir, demoScale: 50, storageFloorMb: 1 });
    const readOnly = await health(server);
    expect(readOnly.status).toBe(503);
    expect(readOnly.body.storage).toMatchObject({ ok: false, fault: 'full' });
    await screenStillServed(server);
    expect((await correct(7)).status).toBe(507);

    disk.free();
    await expect.poll(async () => (await health(server)).status, { timeout: 15_000 }).toBe(200);
    expect((await correct(8)).status).toBe(201);
  });

  it('refuses to start, saying why, when a full disk leaves no room to create a database', async () => {
    const fresh = join(disk.dir, 'fresh');
    mkdirSync(fresh);
    disk.fill();
    try {
      await expect(
        startTestServer({ dataDir: fresh, demoScale: 50, storageFloorMb: 1 }),
      ).rejects.toThrow(/cannot open the database .*Free space on that disk/);
    } finally {
      disk.free();
    }
  });
});
