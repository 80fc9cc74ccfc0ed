// Which head-office key a signage player trusts, with its real data layer in
// Node (Dexie over fake-indexeddb) against a real store server: the key in the
// shell's config wins from the very first contact; without one, the first key
// a store server offers is pinned; a store server offering another key is
// reported and not believed, and its campaigns never play.
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TrustAnchor, apiRoutes, callRoute } from '@vitrine/shared/core';
import type { DeviceHandle } from '@vitrine/shared/client';
import type { StoreServer } from '@vitrine/store-server/server';
import { CampaignSource, loadTrustAnchor } from '../../signage/src/renderer/player/campaign-source';
import { provisionDevice, startNodeDevice } from '../support/node-device';
import { startTestServer, waitFor } from '../support/test-server';

let server: StoreServer;
const devices: DeviceHandle[] = [];

beforeAll(async () => {
  server = await startTestServer({ demoCampaign: true });
});
afterAll(async () => {
  await Promise.all(devices.map((device) => device.stop()));
  await server?.close();
});

/** A signage player's local copy, synced with the store's signed demo campaign. */
async function syncedPlayer(): Promise<DeviceHandle> {
  const device = await startNodeDevice(server.url, provisionDevice(server, 'signage'), {
    app: 'signage',
  });
  devices.push(device);
  await waitFor(() => device.db.campaigns.count(), 'the demo campaign synced', 20_000);
  return device;
}

function serverKey(): Promise<TrustAnchor> {
  return callRoute({ baseUrl: server.url }, apiRoutes.campaigns.trustAnchor, {});
}

function foreignKey(): TrustAnchor {
  const { publicKey } = generateKeyPairSync('ed25519');
  const jwk = publicKey.export({ format: 'jwk' });
  return TrustAnchor.parse({ keyId: 'ho-installer', publicKey: jwk.x });
}

function faults() {
  const seen: string[] = [];
  return { seen, report: (kind: string, detail: string) => seen.push(`${kind}: ${detail}`) };
}

describe('the head-office key a player trusts', () => {
  it('without a configured key, pins the first one the store server offers', async () => {
    const device = await syncedPlayer();
    const { seen, report } = faults();
    const anchor = await loadTrustAnchor(device.db, server.url, report);
    expect(anchor).toEqual(await serverKey());
    expect(seen).toEqual([]);
    const refused: string[] = [];
    const campaigns = await new CampaignSource(device.db, anchor!, (id) => refused.push(id)).load();
    expect(campaigns.map((c) => c.id)).toEqual(['demo-promotions']);
    expect(refused).toEqual([]);

    // Offline, the pinned key is all it needs.
    const pinnedAgain = await loadTrustAnchor(device.db, 'http://127.0.0.1:9', report);
    expect(pinnedAgain).toEqual(anchor);
  });

  it('with a configured key, trusts only it from the first contact on', async () => {
    const device = await syncedPlayer();
    const configured = foreignKey();
    const { seen, report } = faults();
    const anchor = await loadTrustAnchor(device.db, server.url, report, configured);
    expect(anchor).toEqual(configured);
    expect(seen).toEqual([
      `trust-anchor-mismatch: store server offers key ${(await serverKey()).keyId}; trusted ho-installer`,
    ]);
    // The store server's campaigns are not signed by head office's configured key.
    const refused: string[] = [];
    const campaigns = await new CampaignSource(device.db, anchor!, (id) => refused.push(id)).load();
    expect(campaigns).toEqual([]);
    expect(refused).toEqual(['demo-promotions']);

    // Offline, or after a restart without the config reaching it, the configured key stays pinned.
    const offline = await loadTrustAnchor(device.db, 'http://127.0.0.1:9', report);
    expect(offline).toEqual(configured);
  });

  it('takes a rotated key from the config over the one pinned before', async () => {
    const device = await syncedPlayer();
    const { report } = faults();
    const first = await loadTrustAnchor(device.db, server.url, report);
    expect(first).toEqual(await serverKey());
    const rotated = foreignKey();
    expect(await loadTrustAnchor(device.db, server.url, report, rotated)).toEqual(rotated);
    expect(await loadTrustAnchor(device.db, 'http://127.0.0.1:9', report)).toEqual(rotated);
  });
});
