// The chain's HTTP and MQTT ports: the preferred ones from a base (18000 unless told, so the
// URLs stay the same from one run to the next), or a free one where the preferred is taken.
// Base 0 means free ports only (tests). NATS and PostgreSQL probe their own (head-office/src/local).
import { createServer } from 'node:net';

function tryListen(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(undefined));
    probe.listen(port, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : undefined));
    });
  });
}

export type PortPicker = (offset: number) => Promise<number>;

// A free port is drawn below Linux's ephemeral range (32768–60999 by default): a port the
// kernel hands out for `listen(0)` is also what it hands to outgoing connections, and a store
// seeds for seconds between the probe and its own listen, long enough for another process's
// connection to take it (CI saw EADDRINUSE). The caller still retries a start that lost a port.
const DRAWN_LOW = 20_000;
const DRAWN_HIGH = 32_000;
const DRAWS = 50;

async function drawFreePort(given: ReadonlySet<number>): Promise<number> {
  for (let draw = 0; draw < DRAWS; draw++) {
    const candidate = DRAWN_LOW + Math.floor(Math.random() * (DRAWN_HIGH - DRAWN_LOW));
    if (given.has(candidate)) continue;
    if ((await tryListen(candidate)) !== undefined) return candidate;
  }
  for (;;) {
    const free = await tryListen(0);
    if (free !== undefined && !given.has(free)) return free;
  }
}

/** `pick(offset)` answers base + offset when it is free, else a free port; never one twice. */
export function portPicker(base: number): PortPicker {
  const given = new Set<number>();
  return async (offset) => {
    const preferred = base > 0 ? await tryListen(base + offset) : undefined;
    const port =
      preferred !== undefined && !given.has(preferred) ? preferred : await drawFreePort(given);
    given.add(port);
    return port;
  };
}
