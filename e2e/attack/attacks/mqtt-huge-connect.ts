// Finding 1: an unauthenticated MQTT CONNECT declaring a 256 MB remaining
// length, followed by as many bytes as the server will take, over TCP.
import { connect, type Socket } from 'node:net';
import { watchRssGrowth, type Attack } from '../attack';

/** Fixed header of a CONNECT packet whose remaining length is 268,435,455 bytes. */
export const HUGE_CONNECT_HEADER = Buffer.from([0x10, 0xff, 0xff, 0xff, 0x7f]);
const CHUNK = Buffer.alloc(64 * 1024, 0x61);

/** Writes the header then chunks until the server closes or `maxBytes` are sent. */
function floodOne(port: number, maxBytes: number): Promise<{ closedAfterMs: number }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const socket: Socket = connect(port, '127.0.0.1');
    let sent = 0;
    let closed = false;
    const pump = () => {
      while (!closed && sent < maxBytes) {
        sent += CHUNK.length;
        if (!socket.write(CHUNK)) return void socket.once('drain', pump);
      }
    };
    socket.on('connect', () => {
      socket.write(HUGE_CONNECT_HEADER);
      pump();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      closed = true;
      resolve({ closedAfterMs: performance.now() - started });
    });
    // The attacker gives up after 40 s: past the server's old 30 s timeout.
    setTimeout(() => socket.destroy(), 40_000).unref();
  });
}

export const attacks: Attack[] = [
  {
    finding: '1 memory',
    name: 'MQTT CONNECT declaring 256 MB, over TCP',
    run: async ({ server, smoke }) => {
      const connections = smoke ? 10 : 100;
      const rss = watchRssGrowth(server.pid);
      const closes = await Promise.all(
        Array.from({ length: connections }, () => floodOne(server.mqttPort, 4 * 1024 * 1024)),
      );
      const grew = rss.stop();
      const slowest = Math.max(...closes.map((close) => close.closedAfterMs)) / 1000;
      return {
        result: `${connections} connections closed, the last after ${slowest.toFixed(1)} s; RSS peak +${grew} MB`,
        pass: slowest <= 5 && grew <= 50,
        dataLost: 0,
      };
    },
  },
];
