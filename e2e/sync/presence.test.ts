// Presence like Sparkplug: a retained birth, a Last Will on a crash, and a
// stale will from an older session never marks a live device offline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const onlineRow = (deviceId: string) => {
  const row = server.presence.get(deviceId);
  return row?.online ? row : undefined;
};

describe('presence', () => {
  it('marks a device online at birth and offline when its will fires', async () => {
    const credential = provisionDevice(server, 'signage');
    const dbName = `presence-${Date.now()}`;
    const device = await startNodeDevice(server.url, credential, { app: 'signage', dbName });
    const online = await waitFor(() => onlineRow(credential.deviceId), 'birth');
    expect(online.app).toBe('signage');
    device.link?.crash();
    await waitFor(() => server.presence.get(credential.deviceId)?.online === false, 'will');
    device.db.close();

    const again = await startNodeDevice(server.url, credential, { app: 'signage', dbName });
    const reborn = await waitFor(() => onlineRow(credential.deviceId), 'rebirth');
    expect(reborn.session).toBe(online.session + 1);

    // A late will from the older session changes nothing.
    const staleWill = JSON.stringify({ v: 1, type: 'death', session: online.session });
    expect(server.presence.accept(credential.deviceId, Buffer.from(staleWill))).toBe(false);
    expect(server.presence.get(credential.deviceId)?.online).toBe(true);
    await again.stop();
    await waitFor(
      () => server.presence.get(credential.deviceId)?.online === false,
      'clean goodbye',
    );
  });
});
