// Playback start skew between 4 synchronised players (e2e/signage/sync-players.ts):
// the player's real offset estimate, engine and playback loop, four skewed
// wall clocks, a real store server. Skew = latest − earliest start of the same
// scheduled item on the process's common monotonic clock. Not measured:
// Chromium's paint after React commits the frame.
import { runSyncGroup } from '../signage/sync-players';
import { startTestServer } from '../support/test-server';
import { percentile, round, type BenchResult } from './stats';

const SKEWS_MS = [-1_500, -400, 250, 900];

export async function benchSignageSync(runMs = 40_000): Promise<BenchResult[]> {
  const server = await startTestServer({ demoScale: 20 });
  try {
    const { skews, offsetErrors } = await runSyncGroup(server.url, SKEWS_MS, runMs);
    const p95 = percentile(skews, 95);
    return [
      {
        name: 'signage: start skew between 4 synchronised players',
        metric: 'p95',
        value: round(p95, 2),
        unit: 'ms',
        target: '≤ 20 ms',
        pass: p95 <= 20,
        detail: {
          p50: round(percentile(skews, 50), 2),
          max: round(Math.max(...skews), 2),
          samples: skews.length,
          clockSkewsMs: SKEWS_MS.join(' '),
          maxOffsetErrorMs: round(Math.max(...offsetErrors), 2),
        },
      },
    ];
  } finally {
    await server.close();
  }
}
