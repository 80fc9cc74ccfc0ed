// The external-broker path: the store server and its devices talk through a
// real Mosquitto, which enforces the same credentials and ACLs as the embedded
// broker from the files the store server writes.
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topics } from '@vitrine/shared/core';
import type { StoreServer } from '@vitrine/store-server/server';
import {
  STORE_SERVER_BROKER_PASSWORD,
  startStoreOnMosquitto,
  type StoreOnMosquitto,
} from '../support/mosquitto';
import { provisionDevice, startNodeDevice } from '../support/node-device';
import { waitFor } from '../support/test-server';

let store: StoreOnMosquitto;
let server: StoreServer;
let brokerUrl: string;

beforeAll(async () => {
  store = await startStoreOnMosquitto();
  ({ server, brokerUrl } = store);
});
afterAll(async () => {
  await store?.close();
});

function connectResult(
  username: string,
  password: string,
): Promise<{ client: mqtt.MqttClient; result: string }> {
  const client = mqtt.connect(brokerUrl, {
    clientId: username,
    username,
    password,
    reconnectPeriod: 0,
  });
  return new Promise((resolve) => {
    client.once('connect', () => resolve({ client, result: 'connected' }));
    client.once('error', (error) => resolve({ client, result: error.message }));
  });
}

describe('external Mosquitto broker', () => {
  it('syncs a device live and ingests its events exactly once', async () => {
    const credential = provisionDevice(server);
    // The reload after enrolment is asynchronous: wait until Mosquitto knows the device.
    await waitFor(async () => {
      const { client, result } = await connectResult(credential.deviceId, credential.secret);
      client.end(true);
      return result === 'connected';
    }, 'Mosquitto reloaded the device');
    const device = await startNodeDevice(server.url, credential);
    await waitFor(
      () => device.replicator.current.checkpoint === server.docs.head(),
      'initial sync through Mosquitto',
    );
    const stock = (await device.db.stock.limit(1).first())!;
    const variantId = Object.keys(stock.levels[0]?.quantities ?? {})[0]!;
    server.catalogue.setStock(stock.id, 'online', variantId, 99);
    await waitFor(async () => {
      const level = (await device.db.stock.get(stock.id))?.levels.find(
        (l) => l.locationId === 'online',
      );
      return level?.quantities[variantId] === 99;
    }, 'live change through Mosquitto');

    for (let i = 0; i < 50; i++)
      await device.outbox.record({ kind: 'interaction', payload: { action: 'view' } });
    await waitFor(
      async () => (await device.outbox.pending()) === 0,
      'events acknowledged through Mosquitto',
    );
    const stored = server.db
      .prepare('SELECT COUNT(*) FROM events WHERE device_id = ?')
      .pluck()
      .get(credential.deviceId);
    expect(stored).toBe(50);
    await device.stop();
  });

  it('refuses bad credentials and holds devices to their ACL', async () => {
    const bad = await connectResult('intruder', 'x'.repeat(40));
    expect(bad.result).toMatch(/Not authorized|Bad username/);
    bad.client.end(true);

    const me = provisionDevice(server);
    const other = provisionDevice(server);
    const { client } = await waitFor(async () => {
      const attempt = await connectResult(me.deviceId, me.secret);
      if (attempt.result !== 'connected') attempt.client.end(true);
      return attempt.result === 'connected' ? attempt : undefined;
    }, 'device known to Mosquitto');
    // Mosquitto grants a v3.1.1 subscription outside the ACL but never delivers on it.
    const spied: string[] = [];
    client.on('message', (topic) => spied.push(topic));
    await client.subscribeAsync(topics.acks('paris-rivoli', other.deviceId), { qos: 1 });
    const { client: owner } = await waitFor(async () => {
      const attempt = await connectResult(other.deviceId, other.secret);
      if (attempt.result !== 'connected') attempt.client.end(true);
      return attempt.result === 'connected' ? attempt : undefined;
    }, 'other device known to Mosquitto');
    const received: string[] = [];
    owner.on('message', (topic) => received.push(topic));
    await owner.subscribeAsync(topics.acks('paris-rivoli', other.deviceId), { qos: 1 });
    const storeServer = mqtt.connect(brokerUrl, {
      clientId: 'store-server',
      username: 'store-server',
      password: STORE_SERVER_BROKER_PASSWORD,
      reconnectPeriod: 0,
    });
    await new Promise((resolve) => storeServer.once('connect', resolve));
    await storeServer.publishAsync(topics.acks('paris-rivoli', other.deviceId), '{"v":1}', {
      qos: 1,
    });
    await waitFor(() => received.length === 1, 'the owner receives its ack');
    expect(spied).toEqual([]);
    await storeServer.endAsync();
    owner.end(true);
    // Mosquitto drops an out-of-ACL publish (MQTT 3.1.1 has no way to say so): nothing arrives.
    const before = server.ingestor.stats.stored + server.ingestor.stats.rejected;
    await client.publishAsync(
      topics.events('paris-rivoli', other.deviceId),
      JSON.stringify({ v: 1, type: 'events', events: [{ junk: true }] }),
      { qos: 1 },
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(server.ingestor.stats.stored + server.ingestor.stats.rejected).toBe(before);
    client.end(true);
  });
});
