// Free loopback ports, probed rather than fixed: other test runs share this machine.
import { createServer, type Server } from 'node:net';

function listenOnAnyPort(): Promise<Server> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => resolve(probe));
  });
}

/**
 * `count` distinct free ports. All probes stay open until every port is known, so the
 * kernel cannot hand the same port out twice; a race with another process remains possible,
 * which is why the cluster retries a start whose port was taken.
 */
export async function freePorts(count: number): Promise<number[]> {
  const probes: Server[] = [];
  try {
    for (let i = 0; i < count; i++) probes.push(await listenOnAnyPort());
    return probes.map((probe) => {
      const address = probe.address();
      if (!address || typeof address === 'string') throw new Error('probe has no port');
      return address.port;
    });
  } finally {
    await Promise.all(
      probes.map((probe) => new Promise<void>((resolve) => probe.close(() => resolve()))),
    );
  }
}
