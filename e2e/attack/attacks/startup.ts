// Finding 5: health during start-up. A monitor polling from the moment the
// process starts must read 503 "starting" (or nothing, before it listens),
// never a 500.
import { apiRoutes, routeUrl } from '@vitrine/shared/core';
import { freePort, launchServer } from '../../support/server-process';
import { freshDataDir } from '../../support/test-server';
import type { Attack } from '../attack';

/** One poll: the status, or 0 when nothing listens yet. */
async function statusOf(url: string): Promise<{ status: number; body: string }> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
    return { status: response.status, body: await response.text() };
  } catch {
    return { status: 0, body: '' };
  }
}

export const attacks: Attack[] = [
  {
    finding: '5 start-up',
    name: 'health during start-up: poll health and an API route from spawn until ready',
    run: async ({ smoke }) => {
      const starts = smoke ? 1 : 3;
      const seen = new Map<string, number>();
      let wrong = 0;
      for (let i = 0; i < starts; i++) {
        const server = launchServer({
          dataDir: freshDataDir('vitrine-attack-start'),
          httpPort: await freePort(),
          mqttPort: await freePort(),
        });
        try {
          const deadline = Date.now() + 120_000;
          for (;;) {
            const [health, api] = await Promise.all([
              statusOf(routeUrl(server.url, apiRoutes.health.health, {})),
              statusOf(routeUrl(server.url, apiRoutes.sync.pull, {})),
            ]);
            for (const [what, reply] of [
              ['health', health],
              ['api', api],
            ] as const) {
              const key = `${what} ${reply.status}`;
              seen.set(key, (seen.get(key) ?? 0) + 1);
              const starting = reply.status === 503 && reply.body.includes('"starting"');
              if (reply.status >= 500 && !starting && !(what === 'health' && reply.status === 503))
                wrong++;
            }
            if (health.status === 200 || Date.now() > deadline) break;
            await new Promise((resolve) => setTimeout(resolve, 5));
          }
        } finally {
          await server.kill('SIGTERM');
        }
      }
      const polls = [...seen].map(([key, count]) => `${count}×${key}`).join(', ');
      return {
        result: `${starts} start(s): ${polls}; ${wrong} answer(s) neither 503 starting nor ready`,
        pass: wrong === 0 && (seen.get('health 200') ?? 0) === starts,
        dataLost: 0,
      };
    },
  },
];
