// A touchpoint's real data layer (Dexie, replicator, outbox, MQTT) running in
// Node over fake-indexeddb: the same code the renderers run in Chromium.
import 'fake-indexeddb/auto';
import { randomBytes, randomUUID } from 'node:crypto';
import { startDevice, type DeviceHandle, type DeviceTransport } from '@vitrine/shared/client';
import type { AppName, DeviceCredential } from '@vitrine/shared/core';
import type { StoreServer } from '@vitrine/store-server/server';

/** Enrols and approves a new device directly in the server's registry. */
export function provisionDevice(
  server: Pick<StoreServer, 'registry'>,
  app: AppName = 'kiosk',
): DeviceCredential {
  const credential = {
    deviceId: `${app}-${randomBytes(4).toString('hex')}`,
    secret: randomBytes(32).toString('base64url'),
  };
  server.registry.upsertActive(credential.deviceId, app, `test ${app}`, credential.secret);
  return credential;
}

export async function startNodeDevice(
  baseUrl: string,
  credential: DeviceCredential,
  options: { app?: AppName; dbName?: string; transport?: DeviceTransport } = {},
): Promise<DeviceHandle> {
  let saved = credential;
  const result = await startDevice({
    app: options.app ?? 'kiosk',
    baseUrl,
    version: 'test',
    dbName: options.dbName ?? `device-${randomUUID()}`,
    transport: options.transport,
    credentialStore: {
      load: () => Promise.resolve(saved),
      save: (next) => {
        saved = next;
        return Promise.resolve();
      },
    },
  });
  if (result.status !== 'started')
    throw new Error(`device did not start: ${JSON.stringify(result)}`);
  return result.device;
}
