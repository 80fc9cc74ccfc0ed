// The store server's in-process link to its embedded broker, against real MQTT clients over
// TCP: what a screen publishes reaches the server's handlers once, what the server publishes
// (retained or not) reaches the screens, retained messages are handed over on subscribe, and a
// handler that throws does not stop the others or the broker.
import { createServer, type Server as HttpServer } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import mqtt, { type MqttClient } from 'mqtt';
import { pino } from 'pino';
import { TOPIC_ROOT, topics } from '@vitrine/shared/core';
import { startEmbeddedBroker, type EmbeddedBroker } from './embedded-broker';

const STORE = 's1';
let http: HttpServer | undefined;
let broker: EmbeddedBroker | undefined;
const clients: MqttClient[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.endAsync()));
  await broker?.serverLink.close();
  await broker?.close();
  const server = http;
  if (server) await new Promise((resolve) => server.close(resolve));
  broker = undefined;
  http = undefined;
});

async function start(): Promise<EmbeddedBroker> {
  http = createServer();
  await new Promise<void>((resolve) => http?.listen(0, '127.0.0.1', resolve));
  broker = await startEmbeddedBroker({
    httpServer: http,
    mqttPort: 0,
    host: '127.0.0.1',
    log: pino({ level: 'silent' }),
    authenticate: (_clientId, username, password) =>
      username === 'screen' && password === 'secret'
        ? { kind: 'server', storeId: STORE }
        : undefined,
  });
  return broker;
}

async function screen(port: number | null, id: string): Promise<MqttClient> {
  const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${port}`, {
    clientId: id,
    username: 'screen',
    password: 'secret',
    reconnectPeriod: 0,
  });
  clients.push(client);
  return client;
}

const nextMessage = (client: MqttClient) =>
  new Promise<{ topic: string; payload: string; retain: boolean }>((resolve) =>
    client.once('message', (topic, payload, packet) =>
      resolve({ topic, payload: payload.toString(), retain: packet.retain }),
    ),
  );

describe('the in-process server link', () => {
  it('hands a screen’s events to every handler once, even under overlapping filters', async () => {
    const { serverLink, mqttPort } = await start();
    const seen: string[][] = [[], []];
    serverLink.onMessage(() => {
      throw new Error('a disk that refused the write');
    });
    serverLink.onMessage((topic, payload) => seen[0]!.push(`${topic} ${payload.toString()}`));
    serverLink.onMessage((_topic, payload) => seen[1]!.push(payload.toString()));
    await serverLink.subscribe(topics.allEvents(STORE));
    await serverLink.subscribe(`${TOPIC_ROOT}/stores/${STORE}/#`);

    const device = await screen(mqttPort, 'd1');
    for (const n of [1, 2, 3])
      await device.publishAsync(topics.events(STORE, 'd1'), `batch ${n}`, { qos: 1 });
    await expect.poll(() => seen[1]!.length).toBe(3);

    expect(seen[0]).toEqual([1, 2, 3].map((n) => `${topics.events(STORE, 'd1')} batch ${n}`));
    expect(seen[1]).toEqual(['batch 1', 'batch 2', 'batch 3']);
    expect(serverLink.connected()).toBe(true);
  });

  it('publishes to the screens, and keeps a retained message for a screen that comes later', async () => {
    const { serverLink, mqttPort } = await start();
    const early = await screen(mqttPort, 'd1');
    await early.subscribeAsync(topics.sync(STORE), { qos: 1 });
    const live = nextMessage(early);
    serverLink.publish(topics.sync(STORE), '{"poke":1}');
    expect(await live).toEqual({ topic: topics.sync(STORE), payload: '{"poke":1}', retain: false });

    serverLink.publish(topics.expertAvailability(STORE), '{"free":2}', { retain: true });
    const late = await screen(mqttPort, 'd2');
    const retained = nextMessage(late);
    await late.subscribeAsync(topics.expertAvailability(STORE), { qos: 1 });
    expect(await retained).toEqual({
      topic: topics.expertAvailability(STORE),
      payload: '{"free":2}',
      retain: true,
    });
  });

  it('hands over what was retained before it subscribed (a birth sent while starting)', async () => {
    const { serverLink, mqttPort } = await start();
    const device = await screen(mqttPort, 'd1');
    await device.publishAsync(topics.status(STORE, 'd1'), 'online', { qos: 1, retain: true });
    const seen: string[] = [];
    serverLink.onMessage((topic, payload) => seen.push(`${topic} ${payload.toString()}`));
    await serverLink.subscribe(topics.allStatus(STORE));
    expect(seen).toEqual([`${topics.status(STORE, 'd1')} online`]);
  });

  it('stops handing over and publishing once closed', async () => {
    const { serverLink, mqttPort } = await start();
    const seen: string[] = [];
    serverLink.onMessage((_topic, payload) => seen.push(payload.toString()));
    await serverLink.subscribe(topics.allEvents(STORE));
    await serverLink.close();
    expect(serverLink.connected()).toBe(false);

    const device = await screen(mqttPort, 'd1');
    await device.subscribeAsync(topics.sync(STORE), { qos: 1 });
    const received: string[] = [];
    device.on('message', (_topic, payload) => received.push(payload.toString()));
    serverLink.publish(topics.sync(STORE), 'after close');
    await device.publishAsync(topics.events(STORE, 'd1'), 'after close', { qos: 1 });
    // The device's own round trip (its PUBACK came back) orders it after both.
    await device.publishAsync(topics.sync(STORE), 'from the device', { qos: 1 });
    await expect.poll(() => received.length).toBeGreaterThan(0);
    expect(received).toEqual(['from the device']);
    expect(seen).toEqual([]);
  });
});
