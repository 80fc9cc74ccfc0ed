// A measuring station through a real Mosquitto: the store server writes its
// grant (its paired mirror's measurements topic, write only) into the acl_file
// and reloads Mosquitto; a publish to another mirror is dropped by Mosquitto
// (MQTT 3.1.1 cannot say so) and never reaches that mirror's feed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topics, type DeviceCredential } from '@vitrine/shared/core';
import type { StoreServer } from '@vitrine/store-server/server';
import { startStoreOnMosquitto, type StoreOnMosquitto } from '../support/mosquitto';
import { provisionDevice } from '../support/node-device';
import { waitFor } from '../support/test-server';
import { deviceAuth } from './mirror-page';
import {
  connectStation,
  enrolStation,
  measurements,
  openMeasurementFeed,
  pairStation,
  signIn,
  type MeasurementFeed,
  type StationLink,
} from './measuring-station-helpers';

let store: StoreOnMosquitto;
let server: StoreServer;
let dir: string;
let brokerUrl: string;

beforeAll(async () => {
  store = await startStoreOnMosquitto({ demoScale: 50 });
  ({ server, dir, brokerUrl } = store);
});
afterAll(async () => {
  await store?.close();
});

/** Connects once Mosquitto has reloaded the station's password entry. */
function connectWhenKnown(station: DeviceCredential): Promise<StationLink> {
  const url = brokerUrl;
  return waitFor(
    () => connectStation(url, station).catch(() => undefined),
    'Mosquitto knows the station',
  );
}

/**
 * Publishes until the feed has it: the ACL reload after pairing is
 * asynchronous, and Mosquitto silently drops a publish it does not yet allow.
 */
async function publishUntilReceived(link: StationLink, topic: string, feed: MeasurementFeed) {
  for (let attempt = 0; ; attempt++) {
    const source = `scanner-${attempt}`;
    await link.client.publishAsync(topic, measurements(source), { qos: 1 });
    const arrived = await waitFor(
      () => feed.messages.some((message) => message.source === source),
      'measurements',
      500,
    ).catch(() => false);
    if (arrived) return;
    if (attempt > 40) throw new Error(`measurements never reached ${topic}`);
  }
}

describe('measuring station through Mosquitto', () => {
  it('gets exactly its paired mirror’s topic; another mirror’s publish is dropped', async () => {
    const staff = await signIn(server, 'staff');
    const station = await enrolStation(server, staff);
    const mirrorA = server.demoDevices?.get('mirror')?.deviceId ?? '';
    const mirrorB = provisionDevice(server, 'mirror');
    const topicA = topics.measurements(server.config.storeId, mirrorA);
    const topicB = topics.measurements(server.config.storeId, mirrorB.deviceId);
    expect((await pairStation(server, staff, station.deviceId, { mirrorId: mirrorA })).status).toBe(
      200,
    );
    const acl = readFileSync(join(dir, 'acl'), 'utf8');
    expect(acl).toContain(`user ${station.deviceId}\ntopic write ${topicA}\n\n`);

    const feedA = await openMeasurementFeed(server, deviceAuth(server, 'mirror'));
    const feedB = await openMeasurementFeed(server, `Bearer ${mirrorB.deviceId}.${mirrorB.secret}`);
    const link = await connectWhenKnown(station);
    await publishUntilReceived(link, topicA, feedA);

    // One connection's messages are routed in order: once the marker that follows
    // it reaches mirror A, the refused publish would already have reached mirror B.
    await link.client.publishAsync(topicB, measurements('wrong room'), { qos: 1 });
    await link.client.publishAsync(topicA, measurements('after'), { qos: 1 });
    await waitFor(() => feedA.messages.some((m) => m.source === 'after'), 'marker on mirror A');
    expect(feedB.messages).toEqual([]);
    await link.client.endAsync();
    feedA.close();
    feedB.close();
  });
});
