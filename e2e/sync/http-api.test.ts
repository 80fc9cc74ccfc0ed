// The store server's HTTP API as staff and devices use it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiRoutes,
  routeUrl,
  type Product,
  type ProductStock,
  type RouteDef,
} from '@vitrine/shared/core';
import type { StoreServer } from '@vitrine/store-server/server';
import { provisionDevice } from '../support/node-device';
import { startTestServer } from '../support/test-server';

let server: StoreServer;
let product: Product;
beforeAll(async () => {
  server = await startTestServer();
  const id = server.db
    .prepare(`SELECT id FROM sync_docs WHERE collection = 'products' LIMIT 1`)
    .pluck()
    .get() as string;
  product = server.docs.get<Product>('products', id)!;
});
afterAll(async () => {
  await server.close();
});

/** A route's URL on this server: raw requests, since these tests check statuses and headers. */
const url = (route: RouteDef, input: { params?: object; query?: object } = {}) =>
  routeUrl(server.url, route, input);
const asStaff = (path: string, init: RequestInit = {}) =>
  fetch(path, {
    ...init,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.adminToken}` },
  });

describe('HTTP API', () => {
  it('reports health of database, broker and sync', async () => {
    const response = await fetch(url(apiRoutes.health.health));
    expect(response.status).toBe(200);
    const health = (await response.json()) as {
      status: string;
      database: { ok: boolean };
      sync: { head: number };
    };
    expect(health.status).toBe('ok');
    expect(health.database.ok).toBe(true);
    expect(health.sync.head).toBe(server.docs.head());
  });

  it('finds a product by any form of its code, for a device or staff', async () => {
    const device = provisionDevice(server);
    const ean13 = product.gtin!.slice(1);
    const response = await fetch(url(apiRoutes.stock.byCode, { params: { code: ean13 } }), {
      headers: { authorization: `Bearer ${device.deviceId}.${device.secret}` },
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { product: Product }).product.id).toBe(product.id);
    expect(
      (await asStaff(url(apiRoutes.stock.byCode, { params: { code: '3017620422004' } }))).status,
    ).toBe(404);
    expect((await fetch(url(apiRoutes.stock.byCode, { params: { code: ean13 } }))).status).toBe(
      401,
    );
  });

  it('refuses a stock change for an unknown location, product or item; takes a variant id or a GTIN', async () => {
    const put = (id: string, body: object) =>
      asStaff(url(apiRoutes.stock.setStock, { params: { id } }), {
        method: 'PUT',
        body: JSON.stringify(body),
      });
    const item = product.variants[0]!;
    const gtin = item.gtin!;
    const head = server.docs.head();
    expect((await put(product.id, { locationId: 'atlantis', gtin, quantity: 1 })).status).toBe(404);
    expect((await put('nope', { locationId: 'online', gtin, quantity: 1 })).status).toBe(404);
    expect(
      (await put(product.id, { locationId: 'online', variantId: 'no-such-item', quantity: 1 }))
        .status,
    ).toBe(404);
    expect((await put(product.id, { locationId: 'online', gtin, quantity: -1 })).status).toBe(400);
    // One name for the item, not two and not none.
    expect(
      (await put(product.id, { locationId: 'online', gtin, variantId: item.id, quantity: 1 }))
        .status,
    ).toBe(400);
    expect((await put(product.id, { locationId: 'online', quantity: 1 })).status).toBe(400);
    expect(server.docs.head()).toBe(head);
    expect((await put(product.id, { locationId: 'online', gtin, quantity: 5 })).status).toBe(200);
    expect(server.docs.head()).toBe(head + 1);
    const answer = await put(product.id, { locationId: 'online', variantId: item.id, quantity: 6 });
    expect(answer.status).toBe(200);
    const stock = (await answer.json()) as ProductStock;
    expect(stock.levels.find((l) => l.locationId === 'online')?.quantities[item.id]).toBe(6);
  });

  it('serves product images and 3D models', async () => {
    const image = await fetch(`${server.url}${product.images[0]}`);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toMatch(/image\/svg\+xml/);
    expect(await image.text()).toMatch(/^<svg/);
    expect((await fetch(`${server.url}/media/products/nope-1.svg`)).status).toBe(404);
    // Each width as WebP, for tiles the page decodes off its main thread.
    const tile = await fetch(`${server.url}${product.images[0]!.replace(/\.svg$/, '-160.webp')}`);
    expect(tile.status).toBe(200);
    expect(tile.headers.get('content-type')).toBe('image/webp');
    expect(webpWidth(Buffer.from(await tile.arrayBuffer()))).toBe(160);
    const odd = product.images[0]!.replace(/\.svg$/, '-333.webp');
    expect((await fetch(`${server.url}${odd}`)).status).toBe(404);
    const model = await fetch(`${server.url}/assets/models/speaker.gltf`);
    expect(model.status).toBe(200);
    expect(((await model.json()) as { asset: { version: string } }).asset.version).toBe('2.0');
  });

  it('revokes a device: the API refuses it from then on', async () => {
    const device = provisionDevice(server);
    const auth = { authorization: `Bearer ${device.deviceId}.${device.secret}` };
    expect(
      (await fetch(url(apiRoutes.sync.pull, { query: { since: 0, limit: 1 } }), { headers: auth }))
        .status,
    ).toBe(200);
    expect(
      (
        await asStaff(url(apiRoutes.devices.revoke, { params: { id: device.deviceId } }), {
          method: 'POST',
        })
      ).status,
    ).toBe(200);
    const refused = await fetch(url(apiRoutes.sync.pull, { query: { since: 0, limit: 1 } }), {
      headers: auth,
    });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
      'device_revoked',
    );
  });
});

describe('desktop shell support', () => {
  it('stores a fault report once, however often it is sent', async () => {
    const device = provisionDevice(server);
    const report = {
      v: 1,
      type: 'fault',
      id: '0b6b4f3e-9c1d-4f7a-8a55-2f1d0c9e7b11',
      app: 'kiosk',
      appVersion: '0.1.0',
      at: new Date().toISOString(),
      kind: 'renderer-crashed',
      detail: 'oom',
      action: 'reload',
    };
    const send = (body: object, deviceId = device.deviceId) =>
      fetch(url(apiRoutes.devices.reportFault, { params: { id: deviceId } }), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${device.deviceId}.${device.secret}`,
        },
        body: JSON.stringify(body),
      });
    expect((await send(report)).status).toBe(201);
    expect((await send(report)).status).toBe(200);
    expect((await send({ ...report, kind: 'Not A Kind' })).status).toBe(400);
    expect((await send(report, 'someone-else')).status).toBe(403);
    const listed = await asStaff(
      url(apiRoutes.devices.faults, { params: { id: device.deviceId } }),
    );
    expect(((await listed.json()) as { faults: unknown[] }).faults).toHaveLength(1);
  });

  it('lets the shells call the API cross-origin, and nobody else', async () => {
    const preflight = (origin: string) =>
      fetch(url(apiRoutes.devices.me), {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'authorization',
        },
      });
    const shell = await preflight('vitrine-app://kiosk');
    expect(shell.headers.get('access-control-allow-origin')).toBe('vitrine-app://kiosk');
    const stranger = await preflight('https://evil.example');
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
    // three.js fetches a product's 3D model from the shell's page, cross-origin.
    const model = await fetch(`${server.url}/assets/models/headphones.gltf`, {
      headers: { origin: 'vitrine-app://kiosk' },
    });
    expect(model.status).toBe(200);
    expect(model.headers.get('access-control-allow-origin')).toBe('vitrine-app://kiosk');
  });

  it('serves the shells their auto-update feed from the data directory', async () => {
    const dir = join(server.config.dataDir, 'updates', 'kiosk');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'latest-linux.yml'), 'version: 0.2.0\n');
    const feed = await fetch(`${server.url}/updates/kiosk/latest-linux.yml`);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toBe('version: 0.2.0\n');
    expect((await fetch(`${server.url}/updates/kiosk/../../store.sqlite`)).status).toBe(404);
  });

  it('serves the renderers with a content security policy', async () => {
    const page = await fetch(`${server.url}/kiosk/`);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
  });
});

describe('staff sign-in', () => {
  const login = (userId: string, password: string) =>
    fetch(url(apiRoutes.auth.login), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId, password }),
    });

  it('signs the demo staff in and out', async () => {
    const response = await login('staff', 'vitrine-demo');
    expect(response.status).toBe(200);
    const { token } = (await response.json()) as { token: string };
    const me = await fetch(url(apiRoutes.auth.me), {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(((await me.json()) as { user: { roles: string[] } }).user.roles).toEqual(['staff']);
    await fetch(url(apiRoutes.auth.logout), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    const after = await fetch(url(apiRoutes.auth.me), {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(after.status).toBe(401);
  });

  it('locks a user id out after five wrong passwords', async () => {
    for (let i = 0; i < 5; i++) expect((await login('manager', 'guess')).status).toBe(401);
    expect((await login('manager', 'vitrine-demo')).status).toBe(429);
  });
});

/** A WebP's width from its first chunk's header (RIFF container; lossy, lossless or extended). */
function webpWidth(bytes: Buffer): number {
  expect([bytes.toString('latin1', 0, 4), bytes.toString('latin1', 8, 12)]).toEqual([
    'RIFF',
    'WEBP',
  ]);
  const chunk = bytes.toString('latin1', 12, 16);
  if (chunk === 'VP8X') return 1 + bytes.readUIntLE(24, 3);
  if (chunk === 'VP8L') return 1 + (bytes.readUInt32LE(21) & 0x3fff);
  if (chunk === 'VP8 ') return bytes.readUInt16LE(26) & 0x3fff;
  throw new Error(`not a WebP chunk: ${chunk}`);
}
