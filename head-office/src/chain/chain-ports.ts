// The chain's HTTP and MQTT ports: the preferred ones from a base (18000 unless told, so the
// URLs stay the same from one run to the next), or a free one where the preferred is taken.
// Base 0 means free ports only (tests). NATS and PostgreSQL probe their own (head-office/src/local).
import { freePort, tryListen } from '../local/free-ports';

export type PortPicker = (offset: number) => Promise<number>;

/** `pick(offset)` answers base + offset when it is free, else a free port; never one twice. */
export function portPicker(base: number): PortPicker {
  const given = new Set<number>();
  return async (offset) => {
    const preferred = base > 0 ? await tryListen(base + offset) : undefined;
    let port = preferred !== undefined && !given.has(preferred) ? preferred : await freePort();
    while (given.has(port)) port = await freePort();
    given.add(port);
    return port;
  };
}
