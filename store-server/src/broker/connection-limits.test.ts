// The embedded broker's limits before authentication, on real sockets: a
// packet over the size limit is refused as its length is read (TCP and
// WebSocket), a connection without CONNECT is closed at the deadline, and one
// address holds only so many connections not yet accepted.
import { createServer, type Server as HttpServer } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import mqtt, { type MqttClient } from 'mqtt';
import { WebSocket } from 'ws';
import { pino } from 'pino';
import { startEmbeddedBroker, type EmbeddedBroker } from './embedded-broker';
import type { MqttLimits } from './connection-limits';
import { PacketSizeWatch } from './packet-size-watch';

/** Fixed header of a CONNECT declaring a 268,435,455-byte remaining length. */
const HUGE_CONNECT_HEADER = Buffer.from([0x10, 0xff, 0xff, 0xff, 0x7f]);

let http: HttpServer | undefined;
let broker: EmbeddedBroker | undefined;
afterEach(async () => {
  await broker?.close();
  const server = http;
  if (server) await new Promise((resolve) => server.close(resolve));
  broker = undefined;
  http = undefined;
});

async function start(limits: Partial<MqttLimits> = {}) {
  http = createServer();
  await new Promise<void>((resolve) => http?.listen(0, '127.0.0.1', resolve));
  const address = http.address();
  const httpPort = typeof address === 'object' && address ? address.port : 0;
  broker = await startEmbeddedBroker({
    httpServer: http,
    mqttPort: 0,
    host: '127.0.0.1',
    log: pino({ level: 'silent' }),
    limits: {
      maxPacketBytes: 64 * 1024,
      connectTimeoutMs: 30_000,
      maxPendingPerAddress: 32,
      ...limits,
    },
    authenticate: (_clientId, username, password) =>
      username === 'device' && password === 'secret'
        ? { kind: 'server', storeId: 's1' }
        : undefined,
  });
  if (broker.mqttPort === null) throw new Error('the broker has no plain MQTT port');
  return { mqttPort: broker.mqttPort, httpPort };
}

/** Resolves with how long the server took to close the socket, and what the client wrote. */
function whenClosed(socket: Socket | WebSocket): Promise<number> {
  const started = performance.now();
  return new Promise((resolve) => {
    socket.on('error', () => undefined);
    socket.once('close', () => resolve(performance.now() - started));
  });
}

const tcpSocket = (port: number) =>
  new Promise<Socket>((resolve) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
  });

/** A client that signs in, or fails when the broker closes the connection first. */
const signIn = (port: number) =>
  new Promise<MqttClient>((resolve, reject) => {
    const client = mqtt.connect(`mqtt://127.0.0.1:${port}`, {
      username: 'device',
      password: 'secret',
      reconnectPeriod: 0,
    });
    client.once('connect', () => resolve(client));
    client.once('close', () => {
      client.end(true);
      reject(new Error('closed before CONNACK'));
    });
  });

describe('PacketSizeWatch', () => {
  it('refuses a packet as soon as the length read so far is over the limit', () => {
    const watch = new PacketSizeWatch(256 * 1024);
    // 0x10 0xff 0xff 0xff: already ≥ 2 MB before the fourth length byte.
    expect(watch.feed(Buffer.from([0x10, 0xff, 0xff, 0xff]))).toMatchObject({
      reason: 'too_large',
    });
  });

  it('follows packets split anywhere and lets those within the limit through', () => {
    const watch = new PacketSizeWatch(300);
    const packet = (size: number) =>
      Buffer.concat([Buffer.from([0x30, 0x80 | (size & 0x7f), size >> 7]), Buffer.alloc(size)]);
    const stream = Buffer.concat([packet(200), packet(290), Buffer.from([0xc0, 0x00])]);
    for (let at = 0; at < stream.length; at += 7)
      expect(watch.feed(stream.subarray(at, at + 7))).toBeUndefined();
    expect(watch.feed(packet(298))).toMatchObject({ declaredBytes: 301, reason: 'too_large' });
  });
});

describe('embedded broker limits before authentication', () => {
  it('closes a TCP connection whose CONNECT declares 256 MB as the length is read', async () => {
    const { mqttPort } = await start();
    const socket = await tcpSocket(mqttPort);
    const closed = whenClosed(socket);
    socket.write(HUGE_CONNECT_HEADER);
    // Before the limit, aedes buffered until its 30 s connect timeout.
    expect(await closed).toBeLessThan(3_000);
  });

  it('closes a WebSocket at /mqtt whose CONNECT declares 256 MB, even split over messages', async () => {
    const { httpPort } = await start();
    const websocket = new WebSocket(`ws://127.0.0.1:${httpPort}/mqtt`, 'mqtt');
    await new Promise((resolve) => websocket.once('open', resolve));
    const closed = whenClosed(websocket);
    websocket.send(HUGE_CONNECT_HEADER.subarray(0, 2));
    websocket.send(HUGE_CONNECT_HEADER.subarray(2));
    expect(await closed).toBeLessThan(3_000);
  });

  it('refuses a WebSocket message larger than the packet limit before buffering it (1009)', async () => {
    const { httpPort } = await start();
    const websocket = new WebSocket(`ws://127.0.0.1:${httpPort}/mqtt`, 'mqtt');
    await new Promise((resolve) => websocket.once('open', resolve));
    websocket.on('error', () => undefined);
    const code = new Promise((resolve) => websocket.once('close', resolve));
    // ws's default maxPayload (100 MiB) would hold the whole message before MQTT saw a byte.
    websocket.send(Buffer.alloc(65 * 1024, 0x30));
    expect(await code).toBe(1009);
  });

  it('closes a connection that never sends CONNECT at the deadline', async () => {
    const { mqttPort } = await start({ connectTimeoutMs: 1_000 });
    const socket = await tcpSocket(mqttPort);
    const elapsed = await whenClosed(socket);
    expect(elapsed).toBeGreaterThan(900);
    expect(elapsed).toBeLessThan(5_000);
  });

  it('holds one address to its share of connections not yet accepted, and frees a slot on CONNACK', async () => {
    const { mqttPort } = await start({ maxPendingPerAddress: 3 });
    const idle = await Promise.all([1, 2, 3].map(() => tcpSocket(mqttPort)));
    const fourth = await tcpSocket(mqttPort);
    expect(await whenClosed(fourth)).toBeLessThan(3_000);
    // A real device is refused too while the address is full…
    await expect(signIn(mqttPort)).rejects.toThrow();
    // …and gets in once one idle socket has gone.
    idle[0]?.destroy();
    await expect
      .poll(
        async () => {
          const client = await signIn(mqttPort).catch(() => undefined);
          await client?.endAsync();
          return client !== undefined;
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    for (const socket of idle) socket.destroy();
  });

  it('answers a WebSocket from a full address with 503 before its handshake', async () => {
    const { mqttPort, httpPort } = await start({ maxPendingPerAddress: 2 });
    const idle = await Promise.all([1, 2].map(() => tcpSocket(mqttPort)));
    const websocket = new WebSocket(`ws://127.0.0.1:${httpPort}/mqtt`, 'mqtt');
    websocket.on('error', () => undefined);
    const status = await new Promise<number | undefined>((resolve) => {
      websocket.once('unexpected-response', (_request, response) => resolve(response.statusCode));
      websocket.once('open', () => resolve(101));
    });
    expect(status).toBe(503);
    for (const socket of idle) socket.destroy();
  });

  it('still accepts a signed-in client publishing a packet within the limit', async () => {
    const { mqttPort } = await start();
    const client = await signIn(mqttPort);
    await client.publishAsync('vitrine/v1/stores/s1/sync', Buffer.alloc(60 * 1024), { qos: 1 });
    // An accepted client does not count against its address.
    const others = await Promise.all([1, 2, 3, 4].map(() => signIn(mqttPort)));
    await Promise.all([client, ...others].map((one) => one.endAsync()));
  });

  it('closes a signed-in client that sends a packet over the limit', async () => {
    const { mqttPort } = await start();
    const client = await signIn(mqttPort);
    const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
    client.publish('vitrine/v1/stores/s1/sync', Buffer.alloc(70 * 1024));
    await closed;
    await client.endAsync(true);
  });
});
