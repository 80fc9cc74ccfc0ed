// The embedded broker authenticates every connection and holds devices to
// their ACL; bad payloads and bodies are refused, logged, and change nothing.
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes, routeUrl, topics } from '@vitrine/shared/core';
import type { StoreServer } from '@vitrine/store-server/server';
import { provisionDevice } from '../support/node-device';
import { startTestServer, waitFor } from '../support/test-server';

let server: StoreServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const STORE = 'paris-rivoli';
const eventCount = () => server.db.prepare('SELECT COUNT(*) FROM events').pluck().get() as number;

function connect(username: string, password: string, clientId = username) {
  return mqtt.connect(`mqtt://127.0.0.1:${server.mqttPort}`, {
    clientId,
    username,
    password,
    reconnectPeriod: 0,
    connectTimeout: 3_000,
  });
}

function connectResult(client: mqtt.MqttClient): Promise<string> {
  return new Promise((resolve) => {
    client.once('connect', () => resolve('connected'));
    client.once('error', (error) => resolve(error.message));
  });
}

describe('broker security', () => {
  it('refuses unknown credentials, wrong secrets and a borrowed client id', async () => {
    const known = provisionDevice(server);
    for (const [user, pass, clientId] of [
      ['nobody', 'x'.repeat(43), 'nobody'],
      [known.deviceId, 'y'.repeat(43), known.deviceId],
      [known.deviceId, known.secret, 'someone-else'],
    ] as const) {
      const client = connect(user, pass, clientId);
      expect(await connectResult(client)).toMatch(/Bad username or password|Not authorized/);
      client.end(true);
    }
  });

  it('refuses a pending device until staff approve it', async () => {
    const response = await fetch(routeUrl(server.url, apiRoutes.devices.enrol, {}), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'signage', name: 'Vitrine façade' }),
    });
    const enrolled = (await response.json()) as {
      deviceId: string;
      secret: string;
      pairingCode: string;
    };
    const pending = connect(enrolled.deviceId, enrolled.secret);
    expect(await connectResult(pending)).not.toBe('connected');
    pending.end(true);

    const approve = await fetch(routeUrl(server.url, apiRoutes.devices.approve, {}), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.adminToken}` },
      body: JSON.stringify({ pairingCode: enrolled.pairingCode }),
    });
    expect(approve.status).toBe(200);
    const active = connect(enrolled.deviceId, enrolled.secret);
    expect(await connectResult(active)).toBe('connected');
    await active.endAsync();
  });

  it("refuses subscriptions to another device's topics and publishes outside the ACL", async () => {
    const me = provisionDevice(server);
    const other = provisionDevice(server);
    const client = connect(me.deviceId, me.secret);
    expect(await connectResult(client)).toBe('connected');
    // SUBACK 0x80: mqtt.js turns the refusal into an error.
    await expect(
      client.subscribeAsync(topics.acks(STORE, other.deviceId), { qos: 1 }),
    ).rejects.toThrow(/Subscribe error/);
    const allowed = await client.subscribeAsync(topics.sync(STORE), { qos: 1 });
    expect(allowed[0]?.qos).toBe(1);

    // Publishing as another device: the broker drops the connection, nothing is stored.
    const before = eventCount();
    const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
    client.publish(
      topics.events(STORE, other.deviceId),
      JSON.stringify({ v: 1, type: 'events', events: [] }),
      { qos: 1 },
    );
    await closed;
    expect(eventCount()).toBe(before);
    client.end(true);
  });

  it('drops a connected device the moment staff revoke it', async () => {
    const device = provisionDevice(server);
    const client = connect(device.deviceId, device.secret);
    expect(await connectResult(client)).toBe('connected');
    const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
    server.registry.revoke(device.deviceId);
    await closed;
    client.end(true);
    const again = connect(device.deviceId, device.secret);
    expect(await connectResult(again)).toMatch(/Bad username or password|Not authorized/);
    again.end(true);
  });

  it('refuses malformed, wrong-schema and oversized payloads and keeps running', async () => {
    const me = provisionDevice(server);
    const client = connect(me.deviceId, me.secret);
    expect(await connectResult(client)).toBe('connected');
    const before = eventCount();
    const rejectedBefore = server.ingestor.stats.rejected;
    client.publish(topics.events(STORE, me.deviceId), '{not json', { qos: 1 });
    client.publish(
      topics.events(STORE, me.deviceId),
      JSON.stringify({ v: 2, type: 'events', events: [{}] }),
      { qos: 1 },
    );
    client.publish(
      topics.events(STORE, me.deviceId),
      JSON.stringify({ v: 1, type: 'events', events: [{ id: 'x' }] }),
      { qos: 1 },
    );
    await waitFor(() => server.ingestor.stats.rejected >= rejectedBefore + 3, 'refusals counted');
    expect(eventCount()).toBe(before);

    const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
    client.publish(topics.events(STORE, me.deviceId), 'x'.repeat(300 * 1024), { qos: 1 });
    await closed;
    client.end(true);
    const health = await fetch(routeUrl(server.url, apiRoutes.health.health, {}));
    expect(health.status).toBe(200);
  });

  it('answers bad HTTP bodies with a clear error and changes nothing', async () => {
    const post = (body: string) =>
      fetch(routeUrl(server.url, apiRoutes.devices.enrol, {}), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
    const devicesBefore = server.registry.list().length;
    const invalidJson = await post('{"role": ');
    expect(invalidJson.status).toBe(400);
    expect(((await invalidJson.json()) as { error: { code: string } }).error.code).toBe(
      'invalid_json',
    );
    const wrongSchema = await post(JSON.stringify({ role: 'toaster', name: '' }));
    expect(wrongSchema.status).toBe(400);
    expect(((await wrongSchema.json()) as { error: { message: string } }).error.message).toMatch(
      /role/,
    );
    const huge = await post(JSON.stringify({ role: 'kiosk', name: 'x'.repeat(400 * 1024) }));
    expect(huge.status).toBe(413);
    expect(server.registry.list().length).toBe(devicesBefore);
    const unauthenticated = await fetch(
      routeUrl(server.url, apiRoutes.sync.pull, { query: { since: 0 } }),
    );
    expect(unauthenticated.status).toBe(401);
  });
});
