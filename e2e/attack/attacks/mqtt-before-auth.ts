// Finding 1, the rest of MQTT before authentication: the 256 MB CONNECT over
// WebSocket /mqtt, many idle connections from one address, and CONNECTs that
// trickle in and never complete (slowloris).
import { connect, type Socket } from 'node:net';
import { MqttClient } from 'mqtt';
import { WebSocket } from 'ws';
import { enrolAndApprove } from '../../support/server-process';
import { watchRssGrowth, type Attack } from '../attack';
import { HUGE_CONNECT_HEADER } from './mqtt-huge-connect';

const CHUNK = Buffer.alloc(64 * 1024, 0x61);
/** The attacker gives up after 40 s: past the server's old 30 s connect timeout. */
const GIVE_UP_MS = 40_000;

/** Over /mqtt: the header, then 64 KiB messages until the server closes or `maxBytes` are sent. */
function floodOverWebSocket(httpPort: number, maxBytes: number): Promise<number> {
  return new Promise((resolve) => {
    const started = performance.now();
    const websocket = new WebSocket(`ws://127.0.0.1:${httpPort}/mqtt`, 'mqtt');
    let sent = 0;
    const pump = () => {
      if (websocket.readyState !== WebSocket.OPEN || sent >= maxBytes) return;
      sent += CHUNK.length;
      websocket.send(CHUNK, pump);
    };
    websocket.on('open', () => {
      websocket.send(HUGE_CONNECT_HEADER);
      pump();
    });
    websocket.on('error', () => undefined);
    websocket.on('close', () => resolve(performance.now() - started));
    setTimeout(() => websocket.terminate(), GIVE_UP_MS).unref();
  });
}

type Held = { openedAt: number; closedAt: number };

/** A TCP connection that runs `behave` once open; `closed` says when it opened and closed. */
function holdOpen(
  port: number,
  behave: (socket: Socket) => void,
): { settled: Promise<void>; closed: Promise<Held> } {
  let settle = () => undefined as void;
  const settled = new Promise<void>((resolve) => (settle = resolve));
  const closed = new Promise<Held>((resolve) => {
    let openedAt = performance.now();
    const socket = connect({ port, host: '127.0.0.1' }, () => {
      openedAt = performance.now();
      settle();
      behave(socket);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      settle();
      resolve({ openedAt, closedAt: performance.now() });
    });
    setTimeout(() => socket.destroy(), GIVE_UP_MS).unref();
  });
  return { settled, closed };
}

/** A real device signing in from another loopback address (127.0.0.2), under a deadline. */
async function deviceSignsIn(url: string, mqttPort: number): Promise<boolean> {
  const device = await enrolAndApprove(url, 'kiosk');
  return new Promise((resolve) => {
    // mqtt.connect() has no local address option: open the socket ourselves.
    const client = new MqttClient(
      () => connect({ port: mqttPort, host: '127.0.0.1', localAddress: '127.0.0.2' }),
      {
        clientId: device.deviceId,
        username: device.deviceId,
        password: device.secret,
        reconnectPeriod: 0,
        connectTimeout: 5_000,
      },
    );
    const done = (ok: boolean) => {
      client.end(true);
      resolve(ok);
    };
    client.once('connect', () => done(true));
    client.once('close', () => done(false));
  });
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The most connections the server kept open at the same time (refused ones close in ms). */
function mostKeptAtOnce(held: Held[]): number {
  const kept = held.filter((one) => one.closedAt - one.openedAt > 1_000);
  return Math.max(
    0,
    ...kept.map(
      (one) =>
        kept.filter((other) => other.openedAt <= one.openedAt && other.closedAt > one.openedAt)
          .length,
    ),
  );
}

export const attacks: Attack[] = [
  {
    finding: '1 memory',
    name: 'MQTT CONNECT declaring 256 MB, over WebSocket /mqtt',
    run: async ({ server, smoke }) => {
      const connections = smoke ? 10 : 100;
      const rss = watchRssGrowth(server.pid);
      const closes = await Promise.all(
        Array.from({ length: connections }, () =>
          floodOverWebSocket(server.httpPort, 4 * 1024 * 1024),
        ),
      );
      const grew = rss.stop();
      const slowest = Math.max(...closes);
      return {
        result: `${connections} WebSockets closed, the last after ${seconds(slowest)}; RSS peak +${grew} MB`,
        pass: slowest <= 5_000 && grew <= 50,
        dataLost: 0,
      };
    },
  },
  {
    finding: '1 memory',
    name: 'many unauthenticated MQTT connections from one address',
    run: async ({ server, smoke }) => {
      // Under the kernel's accept backlog (511): past it, SYNs wait in the kernel, not here.
      const connections = smoke ? 100 : 500;
      const rss = watchRssGrowth(server.pid);
      const held = Array.from({ length: connections }, () =>
        holdOpen(server.mqttPort, () => undefined),
      );
      await Promise.all(held.map((one) => one.settled));
      // While the attacker's address is full, a device elsewhere still gets in.
      const deviceIn = await deviceSignsIn(server.url, server.mqttPort);
      const lasted = await Promise.all(held.map((one) => one.closed));
      const grew = rss.stop();
      const atOnce = mostKeptAtOnce(lasted);
      const longest = Math.max(...lasted.map((one) => one.closedAt - one.openedAt));
      return {
        result:
          `${connections} idle connections: at most ${atOnce} kept at once, the last closed after ` +
          `${seconds(longest)}; a device at another address ` +
          `${deviceIn ? 'signed in' : 'was KEPT OUT'}; RSS peak +${grew} MB`,
        pass: deviceIn && atOnce <= 32 && longest <= 10_000 && grew <= 50,
        dataLost: 0,
      };
    },
  },
  {
    finding: '1 memory',
    name: 'MQTT CONNECT never completed (slowloris)',
    run: async ({ server, smoke }) => {
      const connections = smoke ? 10 : 30;
      const rss = watchRssGrowth(server.pid);
      // A CONNECT declaring 40 bytes, sent one byte every 500 ms: never complete in time.
      const connect40 = Buffer.concat([Buffer.from([0x10, 40]), Buffer.alloc(40, 0x04)]);
      const lasted = await Promise.all(
        Array.from({ length: connections }, () =>
          holdOpen(server.mqttPort, (socket) => {
            let at = 0;
            const drip = setInterval(() => {
              if (socket.destroyed || at >= connect40.length) return void clearInterval(drip);
              socket.write(connect40.subarray(at, ++at));
            }, 500);
            socket.once('close', () => clearInterval(drip));
          }).closed.then((one) => one.closedAt - one.openedAt),
        ),
      );
      const grew = rss.stop();
      const slowest = Math.max(...lasted);
      return {
        result: `${connections} trickling CONNECTs closed, the last after ${seconds(slowest)}; RSS peak +${grew} MB`,
        pass: slowest <= 7_000 && grew <= 50,
        dataLost: 0,
      };
    },
  },
];
