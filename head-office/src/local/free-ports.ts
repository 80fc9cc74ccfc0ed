// Free loopback ports, probed rather than fixed: other test runs share this machine.
//
// Ports are drawn below Linux's ephemeral range (32768–60999 by default): a port the kernel
// hands out for `listen(0)` comes from the same range as the local port of every outgoing
// connection, so in the seconds between a probe and a slow server's own listen (a store seeds
// first) another process's connection can take it; CI saw that as EADDRINUSE. Below the range
// only another listener can, and the callers retry a start whose port was taken.
import { createServer } from 'node:net';

const DRAWN_LOW = 20_000;
const DRAWN_HIGH = 32_000;
const DRAWS = 50;
/** Ports this process handed out lately, so two callers never get the same one. */
const handedOut = new Set<number>();
const HANDED_OUT_KEPT = 2_000;

/** The port when `port` (0: any) can be listened on now, else undefined. */
export function tryListen(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(undefined));
    probe.listen(port, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : undefined));
    });
  });
}

function remember(port: number): number {
  handedOut.add(port);
  if (handedOut.size > HANDED_OUT_KEPT) {
    const oldest = handedOut.values().next().value;
    if (oldest !== undefined) handedOut.delete(oldest);
  }
  return port;
}

/** One free port, below the ephemeral range when one is free there, never one handed out lately. */
export async function freePort(): Promise<number> {
  for (let draw = 0; draw < DRAWS; draw++) {
    const candidate = DRAWN_LOW + Math.floor(Math.random() * (DRAWN_HIGH - DRAWN_LOW));
    if (handedOut.has(candidate)) continue;
    if ((await tryListen(candidate)) !== undefined) return remember(candidate);
  }
  for (;;) {
    const free = await tryListen(0);
    if (free !== undefined && !handedOut.has(free)) return remember(free);
  }
}

/** `count` distinct free ports. */
export async function freePorts(count: number): Promise<number[]> {
  const ports: number[] = [];
  for (let i = 0; i < count; i++) ports.push(await freePort());
  return ports;
}
