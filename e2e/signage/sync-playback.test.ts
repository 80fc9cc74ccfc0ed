// Synchronised playback against a real store server: four players whose wall
// clocks are up to 2.4 s apart estimate their offsets over HTTP (NTP-style)
// and then play the same items at the same moments. The bound here is loose
// (a tenth of the smallest clock difference); the tight figure is a benchmark.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreServer } from '@vitrine/store-server/server';
import { startTestServer } from '../support/test-server';
import { runSyncGroup } from './sync-players';

let server: StoreServer;
beforeAll(async () => {
  server = await startTestServer({ demoScale: 20 });
});
afterAll(async () => {
  await server?.close();
});

describe('synchronised playback', () => {
  it('estimates each skewed clock against the server and starts items together', async () => {
    const run = await runSyncGroup(server.url, [-1_500, -400, 250, 900], 6_000);
    for (const error of run.offsetErrors) expect(error).toBeLessThan(50);
    // Every player played the same items in the same order (the run may stop
    // between two players' timers of the last boundary).
    const shortest = Math.min(...run.sequences.map((sequence) => sequence.length));
    expect(shortest).toBeGreaterThanOrEqual(6);
    for (const sequence of run.sequences) {
      expect(sequence.length - shortest).toBeLessThanOrEqual(2);
      expect(sequence.slice(0, shortest)).toEqual(run.sequences[0]!.slice(0, shortest));
    }
    // Each scheduled start was made by all four, far closer than their clocks are apart (≥ 650 ms).
    expect(run.skews.length).toBeGreaterThanOrEqual(shortest - 2);
    expect(Math.max(...run.skews)).toBeLessThan(200);
  }, 30_000);
});
