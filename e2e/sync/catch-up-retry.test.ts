// A screen that reconnects to a store server still starting: the broker takes
// its connection a moment before HTTP answers (503 "starting"), so the first
// catch-up pulls fail. It must try again by itself, not wait for the next
// periodic poke (30 s), and be up to date within seconds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PREFIX, apiRoutes } from '@vitrine/shared/core';
import type { DeviceHandle } from '@vitrine/shared/client';
import type { StoreServer } from '@vitrine/store-server/server';
import { provisionDevice, startNodeDevice } from '../support/node-device';
import { startTestServer, waitFor } from '../support/test-server';

let server: StoreServer;
let device: DeviceHandle | undefined;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await device?.stop();
  await server.close();
});

describe('catching up after a connection', () => {
  it('pulls again with backoff while the server answers 503, and catches up before any poke', async () => {
    const syncPath = `${API_PREFIX}${apiRoutes.sync.pull.path}`;
    let pulls = 0;
    const startingServer: typeof fetch = (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.pathname === syncPath && ++pulls <= 2) {
        const body = { error: { code: 'starting', message: 'the store server is starting' } };
        return Promise.resolve(Response.json(body, { status: 503 }));
      }
      return fetch(input, init);
    };
    const started = Date.now();
    device = await startNodeDevice(server.url, provisionDevice(server), {
      transport: { fetch: startingServer },
    });
    await waitFor(
      () => device!.replicator.current.checkpoint === server.docs.head(),
      'the device caught up',
      15_000,
    );
    expect(pulls).toBeGreaterThanOrEqual(3);
    // Well before the live publisher's 30 s poke.
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
