// Events are unique per (device, id), and an event the server refuses never
// vanishes: the device keeps it with the reason, the server keeps a dead letter
// and the fleet view lists it.
import mqtt from 'mqtt';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiClient,
  apiRoutes,
  routeUrl,
  topics,
  type DeviceEvent,
  type RejectedEventsReport,
} from '@vitrine/shared/core';
import type { DeviceHandle } from '@vitrine/shared/client';
import type { StoreServer } from '@vitrine/store-server/server';
import { provisionDevice, startNodeDevice } from '../support/node-device';
import { startTestServer, waitFor } from '../support/test-server';

let server: StoreServer;
const devices: DeviceHandle[] = [];
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await Promise.all(devices.map((device) => device.stop()));
  await server.close();
});

const storedIds = (deviceId: string) =>
  server.db.prepare('SELECT id FROM events WHERE device_id = ?').pluck().all(deviceId) as string[];

async function onlineDevice(): Promise<{ device: DeviceHandle; deviceId: string }> {
  const credential = provisionDevice(server);
  const device = await startNodeDevice(server.url, credential);
  devices.push(device);
  await waitFor(() => device.link?.state === 'online', 'device online');
  return { device, deviceId: credential.deviceId };
}

/** Puts an event straight into a device's outbox (as a bug or another app version would) and sends it. */
async function sendRaw(device: DeviceHandle, event: Record<string, unknown>): Promise<void> {
  const seq = Number(event.seq);
  await device.db.outbox.add({
    seq,
    id: String(event.id),
    event: event as DeviceEvent,
    sentAt: null,
  });
  await device.outbox.flush({ resendAll: true });
}

async function fleetReport(): Promise<RejectedEventsReport> {
  // The typed client parses the answer with the route's schema.
  const client = apiClient(apiRoutes, {
    baseUrl: server.url,
    authorization: () => `Bearer ${server.adminToken}`,
  });
  return client.fleet.rejectedEvents();
}

describe('events per device and dead letters', () => {
  it("stores another device's event that re-uses an id already stored", async () => {
    const a = await onlineDevice();
    const b = await onlineDevice();
    const first = await a.device.outbox.record({
      kind: 'interaction',
      payload: { action: 'scan' },
    });
    await waitFor(async () => (await a.device.outbox.pending()) === 0, 'A acknowledged');
    const own = await b.device.outbox.record({ kind: 'interaction', payload: { action: 'view' } });
    await waitFor(async () => (await b.device.outbox.pending()) === 0, 'B acknowledged');
    await sendRaw(b.device, { ...own, id: first.id, seq: own.seq + 1 });
    await waitFor(async () => (await b.device.outbox.pending()) === 0, 'B acknowledged again');
    expect(storedIds(a.deviceId)).toEqual([first.id]);
    expect(storedIds(b.deviceId).sort()).toEqual([own.id, first.id].sort());
  });

  it('keeps refused events on the device and as dead letters in the fleet view', async () => {
    const { device, deviceId } = await onlineDevice();
    const good = await device.outbox.record({ kind: 'interaction', payload: { action: 'scan' } });
    await waitFor(async () => (await device.outbox.pending()) === 0, 'acknowledged');
    const upper = { ...good, id: uuidv7().toUpperCase(), seq: good.seq + 1 };
    const offset = { ...good, id: uuidv7(), seq: good.seq + 2, at: '2026-12-05T11:00:00+01:00' };
    // One at a time: a resend of a refusal still in flight would count twice.
    await sendRaw(device, upper);
    await waitFor(() => device.db.rejected.get(upper.id), 'first kept aside');
    await sendRaw(device, offset);
    await waitFor(async () => (await device.db.rejected.count()) === 2, 'both kept aside');
    expect((await device.db.rejected.get(upper.id))?.reason).toMatch(/lowercase UUIDv7/);
    expect((await device.db.rejected.get(offset.id))?.reason).toMatch(/UTC ending in Z/);
    expect(await device.outbox.refused()).toMatchObject({ count: 2 });
    expect(storedIds(deviceId)).toEqual([good.id]);

    const line = (await fleetReport()).devices.find((entry) => entry.deviceId === deviceId);
    expect(line).toMatchObject({ count: 2, name: 'test kiosk', role: 'kiosk' });
    expect(line?.recent.map((letter) => letter.eventId).sort()).toEqual(
      [upper.id, offset.id].sort(),
    );
  });

  it('keeps a batch it cannot read as a dead letter without an event id', async () => {
    const credential = provisionDevice(server);
    const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${server.mqttPort}`, {
      clientId: credential.deviceId,
      username: credential.deviceId,
      password: credential.secret,
      reconnectPeriod: 0,
    });
    await client.publishAsync(
      topics.events('paris-rivoli', credential.deviceId),
      '{"v":1,"type":',
      {
        qos: 1,
      },
    );
    await client.publishAsync(
      topics.events('paris-rivoli', credential.deviceId),
      '{"v":1,"type":',
      {
        qos: 1,
      },
    );
    await client.endAsync();
    // The server commits what arrives within 50 ms together: the first may be listed alone.
    const line = await waitFor(async () => {
      const entry = (await fleetReport()).devices.find(
        (candidate) => candidate.deviceId === credential.deviceId,
      );
      return entry && entry.count >= 2 ? entry : undefined;
    }, 'both dead letters listed');
    expect(line.count).toBe(2);
    expect(line.recent[0]).toMatchObject({ eventId: null, raw: '{"v":1,"type":' });
    expect(line.lastReason).toMatch(/^malformed batch/);
  });

  it('answers 401 without a staff credential', async () => {
    const response = await fetch(routeUrl(server.url, apiRoutes.fleet.rejectedEvents, {}));
    expect(response.status).toBe(401);
  });
});
