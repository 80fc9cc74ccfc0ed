// A TCP proxy the test controls, standing in for the network between a client and a server:
// - 'pass' forwards both ways;
// - 'reset' resets (RST) every open connection and every new one, like a crashed host;
// - 'blackhole' forwards nothing either way and completes no close, like a cut line: open
//   connections hang, new ones are accepted and go nowhere.
// Back to 'pass', the line heals: bytes held during the blackhole are delivered, connections
// accepted meanwhile are joined to the target, and a close that happened during the cut
// reaches the other side. A connection survives a blackhole only if neither end gave up on it
// (a NATS client with a short ping interval does give up, then reconnects).
import { createConnection, createServer, type Socket } from 'node:net';

type ProxyMode = 'pass' | 'reset' | 'blackhole';

export type TcpProxy = {
  port: number;
  mode(): ProxyMode;
  setMode(mode: ProxyMode): void;
  close(): Promise<void>;
};

/** One side's bytes that the cut held back, and whether that side has closed meanwhile. */
type Side = { socket: Socket; held: Buffer[]; closed: boolean };
type Pair = { client: Side; target: Side | undefined };

export async function startTcpProxy(options: {
  targetPort: number;
  targetHost?: string;
}): Promise<TcpProxy> {
  const targetHost = options.targetHost ?? '127.0.0.1';
  let mode: ProxyMode = 'pass';
  const pairs = new Set<Pair>();

  const reset = (pair: Pair) => {
    pair.client.socket.resetAndDestroy();
    pair.target?.socket.resetAndDestroy();
    pairs.delete(pair);
  };

  // Data from `from` goes to `to` (with backpressure). On a cut line the reader pauses with
  // what it has read held back, so the sender's kernel buffers fill as over a real cut.
  const forward = (from: Side, to: () => Side | undefined) => {
    from.socket.on('data', (chunk: Buffer) => {
      const other = to();
      if (mode !== 'pass' || !other) {
        from.held.push(chunk);
        from.socket.pause();
      } else if (!other.socket.write(chunk)) {
        from.socket.pause();
        other.socket.once('drain', () => mode === 'pass' && from.socket.resume());
      }
    });
  };

  const onClose = (pair: Pair, side: Side, other: () => Side | undefined) => {
    side.socket.on('close', () => {
      side.closed = true;
      if (mode === 'blackhole') return; // lost on a cut line, until it heals
      other()?.socket.destroy();
      pairs.delete(pair);
    });
  };

  // Joins the client to the target: at once in 'pass', on healing for a blackholed accept.
  const join = (pair: Pair) => {
    const socket = createConnection({ host: targetHost, port: options.targetPort });
    socket.setNoDelay(true);
    const target: Side = { socket, held: [], closed: false };
    pair.target = target;
    // The target refusing or resetting is a reset as the client sees it.
    socket.on('error', () => pair.client.socket.resetAndDestroy());
    forward(target, () => pair.client);
    onClose(pair, target, () => pair.client);
  };

  const heal = (pair: Pair) => {
    if (pair.client.closed && !pair.target) return void pairs.delete(pair);
    if (!pair.target) join(pair);
    const target = pair.target!;
    for (const [from, to] of [
      [pair.client, target],
      [target, pair.client],
    ] as const) {
      for (const chunk of from.held.splice(0)) to.socket.write(chunk);
      if (from.closed) {
        to.socket.destroy();
        pairs.delete(pair);
      }
      from.socket.resume();
    }
  };

  const server = createServer((socket) => {
    socket.on('error', () => undefined); // a reset is something this proxy does, not a crash
    socket.setNoDelay(true);
    const pair: Pair = { client: { socket, held: [], closed: false }, target: undefined };
    pairs.add(pair);
    if (mode === 'reset') return reset(pair);
    forward(pair.client, () => pair.target);
    onClose(pair, pair.client, () => pair.target);
    if (mode === 'pass') join(pair);
    else socket.pause(); // blackholed: accepted, and nothing read until the line heals
  });

  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });

  return {
    port,
    mode: () => mode,
    setMode: (next) => {
      mode = next;
      if (next === 'reset') for (const pair of pairs) reset(pair);
      if (next === 'blackhole')
        for (const pair of pairs)
          for (const side of [pair.client, pair.target]) side?.socket.pause();
      if (next === 'pass') for (const pair of pairs) heal(pair);
    },
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const pair of pairs) {
        pair.client.socket.destroy();
        pair.target?.socket.destroy();
      }
      pairs.clear();
      await closed;
    },
  };
}
