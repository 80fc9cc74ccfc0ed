// A player's screenshot upload that is too short to hold a PNG signature is
// refused with 415, like any other body that is not a PNG (it was a 500).
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { StoreServer } from '@vitrine/store-server/server';
import { fetchRoute } from '../support/route-fetch';
import { startTestServer } from '../support/test-server';
import { apiRoutes } from '@vitrine/shared/core';

let server: StoreServer;
beforeAll(async () => {
  server = await startTestServer({ demoScale: 20 });
});
afterAll(async () => {
  await server?.close();
});

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

async function upload(bytes: number[]): Promise<number> {
  const signage = server.demoDevices?.get('signage');
  if (!signage) throw new Error('the demo signage screen is missing');
  const response = await fetchRoute(server.url, apiRoutes.fleet.uploadScreenshot, {
    token: `${signage.deviceId}.${signage.secret}`,
    headers: { 'content-type': 'image/png' },
    body: new Uint8Array(bytes),
  });
  return response.status;
}

it('refuses screenshot bodies shorter than a PNG signature with 415, and takes a PNG', async () => {
  for (const length of [0, 1, 3, 4, 7]) {
    expect(await upload(PNG_SIGNATURE.slice(0, length)), `${length} bytes`).toBe(415);
  }
  expect(await upload([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0])).toBe(415);
  expect(await upload([...PNG_SIGNATURE, 0, 0, 0, 13])).toBe(204);
});
