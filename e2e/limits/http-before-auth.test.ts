// HTTP before authentication, against a real store server: a body is read
// only once the caller is known and only up to its route's limit, a refused
// request is answered at once and its connection closed, and media uploads
// go to disk as they arrive.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_LOOK_UPLOAD_BYTES, MAX_MEDIA_BYTES, apiRoutes, routeUrl } from '@vitrine/shared/core';
import type { StoreServer } from '@vitrine/store-server/server';
import { rawHttpRequest } from '../support/raw-http';
import { fetchRoute } from '../support/route-fetch';
import { startTestServer } from '../support/test-server';
import { signIn, TINY_PNG, uploadPng } from '../signage/head-office';

let server: StoreServer;
let port: number;
let editor: string;

beforeAll(async () => {
  server = await startTestServer();
  port = server.httpPort;
  editor = await signIn(server.url, 'editor');
});
afterAll(async () => {
  await server?.close();
});

const mediaFiles = () => readdirSync(join(server.config.dataDir, 'media'));

describe('HTTP bodies before authentication', () => {
  it('answers a 64 MiB media upload without credentials with 401 before reading it, and closes', async () => {
    const outcome = await rawHttpRequest({
      port,
      method: 'POST',
      path: routeUrl('', apiRoutes.campaigns.uploadMedia, { query: { name: 'big.mp4' } }),
      headers: { 'content-type': 'video/mp4' },
      declaredLength: 64 * 1024 * 1024,
      // Only 1 MiB is sent: a server that reads the body first never answers.
      sendBytes: 1024 * 1024,
    });
    expect(outcome.status).toBe(401);
    expect(outcome.closedAfterMs).toBeLessThan(10_000);
  });

  it('answers a device route without a device credential with 401 before reading its JSON', async () => {
    const outcome = await rawHttpRequest({
      port,
      method: 'POST',
      path: routeUrl('', apiRoutes.fleet.heartbeat, {}),
      headers: { 'content-type': 'application/json' },
      declaredLength: 10_000,
      sendBytes: 0,
    });
    expect(outcome.status).toBe(401);
  });

  it('refuses a sign-in body over its small limit from the declared length alone', async () => {
    const outcome = await rawHttpRequest({
      port,
      method: 'POST',
      path: routeUrl('', apiRoutes.auth.login, {}),
      headers: { 'content-type': 'application/json' },
      declaredLength: 100 * 1024,
      sendBytes: 0,
    });
    expect(outcome.status).toBe(413);
  });

  it('still signs in, enrols and takes small JSON the usual way', async () => {
    const enrol = await fetchRoute(server.url, apiRoutes.devices.enrol, {
      body: { role: 'kiosk', name: 'limits kiosk' },
    });
    expect(enrol.status).toBe(201);
    const chunked = await fetchRoute(server.url, apiRoutes.auth.login, {
      body: { userId: 'editor', password: 'x'.repeat(3000) },
    });
    expect(chunked.status).toBe(413);
  });

  it("stores an editor's upload under its SHA-256 as it streams, leaving no temporary file", async () => {
    // A PNG signature followed by 3 MiB: written to disk as it arrives.
    const big = Buffer.concat([TINY_PNG, Buffer.alloc(3 * 1024 * 1024, 7)]);
    const media = await uploadPng(server.url, editor, big);
    expect(media.size).toBe(big.length);
    expect(mediaFiles()).toContain(media.sha256);
    expect(mediaFiles().filter((name) => name.endsWith('.part'))).toEqual([]);
  });

  it('refuses an upload over the cap while it streams, keeping nothing of it', async () => {
    const before = mediaFiles();
    const outcome = await rawHttpRequest({
      port,
      method: 'POST',
      path: routeUrl('', apiRoutes.campaigns.uploadMedia, { query: { name: 'huge.png' } }),
      headers: { authorization: `Bearer ${editor}`, 'content-type': 'image/png' },
      // No declared length: the cap can only hold while the bytes arrive.
      declaredLength: 'chunked',
      sendBytes: MAX_MEDIA_BYTES + 1024 * 1024,
      giveUpMs: 60_000,
    });
    expect(outcome.status).toBe(413);
    // The temporary file goes once its stream has closed, just after the answer.
    await expect.poll(mediaFiles, { timeout: 10_000 }).toEqual(before);
  });

  it('refuses a look photo over 3 MiB while it streams, keeping nothing of it', async () => {
    const mirror = server.demoDevices?.get('mirror');
    if (!mirror) throw new Error('the demo has no mirror');
    const looksDir = join(server.config.dataDir, 'shared-looks');
    const outcome = await rawHttpRequest({
      port,
      method: 'POST',
      path: routeUrl('', apiRoutes.looks.share, { query: { products: 'p1', lang: 'fr' } }),
      headers: {
        authorization: `Bearer ${mirror.deviceId}.${mirror.secret}`,
        'content-type': 'image/jpeg',
      },
      declaredLength: 'chunked',
      sendBytes: MAX_LOOK_UPLOAD_BYTES + 256 * 1024,
    });
    expect(outcome.status).toBe(413);
    await expect.poll(() => readdirSync(looksDir), { timeout: 10_000 }).toEqual([]);
  });
});
