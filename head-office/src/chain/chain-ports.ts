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

/** `pick(offset)` answers base + offset when it is free, else a free port; never one twice. */
export function portPicker(base: number): PortPicker {
  const given = new Set<number>();
  return async (offset) => {
    const preferred = base > 0 ? await tryListen(base + offset) : undefined;
    if (preferred !== undefined && !given.has(preferred)) {
      given.add(preferred);
      return preferred;
    }
    for (;;) {
      const free = await tryListen(0);
      if (free !== undefined && !given.has(free)) {
        given.add(free);
        return free;
      }
    }
  };
}
