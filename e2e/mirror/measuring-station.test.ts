// A measuring station (body scanner) as an enrolled device, against a real
// store server and its embedded broker: enrolled and approved like a screen,
// paired by staff with one mirror, it reaches that mirror's live feed and
// nothing else; another mirror's topic closes its connection, an unpaired
// station may publish nowhere, re-pairing moves its grant at once, and
// revocation drops it.
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MeasuringStation, apiRoutes, topics, type DeviceCredential } from '@vitrine/shared/core';
import type { StoreServer } from '@vitrine/store-server/server';
import { provisionDevice } from '../support/node-device';
import { fetchRoute } from '../support/route-fetch';
import { startTestServer, waitFor } from '../support/test-server';
import { deviceAuth } from './mirror-page';
import {
  apiAs,
  connectStation,
  enrolStation,
  measurements,
  openMeasurementFeed,
  pairStation,
  publishQos1,
  signIn,
  type MeasurementFeed,
} from './measuring-station-helpers';

let server: StoreServer;
let staff: string;
let station: DeviceCredential;
let mirrorA: string;
let mirrorB: DeviceCredential;
let feedA: MeasurementFeed;
let feedB: MeasurementFeed;
let serverLink: mqtt.MqttClient;

const brokerUrl = () => `mqtt://127.0.0.1:${server.mqttPort}`;
const topicOf = (mirrorId: string) => topics.measurements(server.config.storeId, mirrorId);
const sources = (feed: MeasurementFeed) => feed.messages.map((message) => message.source);

/** The server's own identity may still publish: a marker proves what came before it did not arrive. */
async function marker(mirrorId: string, source: string, feed: MeasurementFeed) {
  await serverLink.publishAsync(topicOf(mirrorId), measurements(source), { qos: 1 });
  await waitFor(() => sources(feed).includes(source), `marker ${source}`);
}

beforeAll(async () => {
  server = await startTestServer({ demoScale: 50 });
  staff = await signIn(server, 'staff');
  station = await enrolStation(server, staff);
  mirrorA = server.demoDevices?.get('mirror')?.deviceId ?? '';
  mirrorB = provisionDevice(server, 'mirror');
  feedA = await openMeasurementFeed(server, deviceAuth(server, 'mirror'));
  feedB = await openMeasurementFeed(server, `Bearer ${mirrorB.deviceId}.${mirrorB.secret}`);
  serverLink = await mqtt.connectAsync(brokerUrl(), {
    clientId: 'server-identity-in-test',
    username: 'store-server',
    password: server.db
      .prepare(`SELECT value FROM meta WHERE key = 'server_mqtt_secret'`)
      .pluck()
      .get() as string,
  });
});
afterAll(async () => {
  feedA?.close();
  feedB?.close();
  await serverLink?.endAsync();
  await server?.close();
});

describe('measuring station', () => {
  it('is enrolled as a measuring station, may call no screen route, and unpaired publishes nowhere', async () => {
    const bearer = { authorization: `Bearer ${station.deviceId}.${station.secret}` };
    const asStation = apiAs(server, bearer.authorization);
    expect(await asStation.devices.me()).toMatchObject({ role: 'measure', status: 'active' });
    const sync = await fetchRoute(server.url, apiRoutes.sync.pull, {
      query: { since: 0 },
      headers: bearer,
    });
    expect(sync.status).toBe(403);
    // The client parses the answer with the route's schema (MeasuringStation).
    expect(await asStation.sizing.myStation()).toMatchObject({ mirrorId: null, topic: null });

    const link = await connectStation(brokerUrl(), station);
    publishQos1(link.client, topicOf(mirrorA), measurements('unpaired'));
    await link.closed;
    await marker(mirrorA, 'marker-unpaired', feedA);
    expect(sources(feedA)).toEqual(['marker-unpaired']);
  });

  it('is paired by staff only with an existing, active mirror', async () => {
    const kiosk = server.demoDevices?.get('kiosk')?.deviceId ?? '';
    const revoked = provisionDevice(server, 'mirror');
    server.registry.revoke(revoked.deviceId);
    const pair = (body: unknown, who = staff) => pairStation(server, who, station.deviceId, body);
    expect((await pair({ mirrorId: 'mirror-nope' })).status).toBe(404);
    expect((await pair({ mirrorId: kiosk })).status).toBe(404);
    expect((await pair({ mirrorId: revoked.deviceId })).status).toBe(409);
    expect((await pair({ mirror: mirrorA })).status).toBe(400);
    expect((await pair({ mirrorId: mirrorA }, 'Bearer nobody')).status).toBe(401);
    expect((await pair({ mirrorId: mirrorA }, await signIn(server, 'editor'))).status).toBe(403);
    expect((await pairStation(server, staff, mirrorB.deviceId, { mirrorId: mirrorA })).status).toBe(
      404,
    );
    expect(server.registry.get(station.deviceId)?.role).toBe('measure');

    const paired = await pair({ mirrorId: mirrorA }, await signIn(server, 'manager'));
    expect(paired.status).toBe(200);
    expect(MeasuringStation.parse(paired.body)).toMatchObject({
      stationId: station.deviceId,
      mirrorId: mirrorA,
      topic: topicOf(mirrorA),
    });
  });

  it('reaches its paired mirror’s feed; another mirror’s topic closes its connection', async () => {
    const link = await connectStation(brokerUrl(), station);
    await link.client.publishAsync(topicOf(mirrorA), measurements('Scanner 3D', 101), { qos: 1 });
    await waitFor(() => sources(feedA).includes('Scanner 3D'), 'measurements on mirror A');
    expect(feedA.messages.at(-1)?.measurements).toEqual({ chest: 101, waist: 80 });
    // It may not subscribe, even to its own mirror's topic (SUBACK failure).
    await expect(link.client.subscribeAsync(topicOf(mirrorA), { qos: 1 })).rejects.toThrow(
      /Subscribe error/,
    );
    publishQos1(link.client, topicOf(mirrorB.deviceId), measurements('wrong room'));
    await link.closed;
    await marker(mirrorB.deviceId, 'marker-b', feedB);
    expect(sources(feedB)).toEqual(['marker-b']);
  });

  it('follows a re-pairing at once, on the same connection', async () => {
    const link = await connectStation(brokerUrl(), station);
    expect(
      (await pairStation(server, staff, station.deviceId, { mirrorId: mirrorB.deviceId })).status,
    ).toBe(200);
    await link.client.publishAsync(topicOf(mirrorB.deviceId), measurements('moved'), { qos: 1 });
    await waitFor(() => sources(feedB).includes('moved'), 'measurements on mirror B');
    publishQos1(link.client, topicOf(mirrorA), measurements('old room'));
    await link.closed;
    await marker(mirrorA, 'marker-a', feedA);
    expect(sources(feedA)).not.toContain('old room');
  });

  it('is dropped when revoked, and may not connect again', async () => {
    const link = await connectStation(brokerUrl(), station);
    const revoked = await apiAs(server, `Bearer ${server.adminToken}`).devices.revoke({
      params: { id: station.deviceId },
    });
    expect(revoked.status).toBe('revoked');
    await link.closed;
    await expect(connectStation(brokerUrl(), station)).rejects.toThrow(
      /Bad username|Not authorized/,
    );
    const list = await apiAs(server, staff).sizing.stations();
    expect(list.stations.map((s) => s.stationId)).not.toContain(station.deviceId);
  });
});
