// The loadtest's smoke run (the full one is `npm run loadtest`): the real chain with 2 stores of
// 5 simulated screens each. Its figures must be real: every screen showed the published
// campaign and held every stock correction, and head office holds every acked event once.
import { expect, it } from 'vitest';
import { REPO_ROOT } from '../support/test-server';
import { runLoadtest } from './loadtest';

it('runs the chain under 2 stores × 5 screens and measures real figures', async () => {
  const result = await runLoadtest({
    repoRoot: REPO_ROOT,
    stores: 2,
    devices: 5,
    seconds: 5,
    eventRate: 2,
    publishes: 1,
    corrections: 2,
    demoScale: 10,
    perWorker: 250,
    progress: (line) => console.log(line),
  });
  console.log(
    JSON.stringify({ publish: result.publish, stock: result.stock, events: result.events }),
  );
  expect(result.devices).toBe(10);
  expect(result.failedDevices).toEqual([]);
  // Every screen showed the campaign (one sample per screen), and every store screen the stock.
  expect(result.publish).toMatchObject({ n: 10, missed: 0 });
  expect(result.stock).toMatchObject({ n: 10, missed: 0, storeDevices: 5 });
  expect(result.publish!.max).toBeGreaterThan(0);
  // About 2 events a second from each screen for 5–10 s, all acked and all at head office once.
  expect(result.events.acked).toBeGreaterThan(50);
  expect(result.events.lost).toBe(0);
  expect(result.events.doubledBySeq).toBe(0);
  expect(result.events.doubledByPlay).toBe(0);
  expect(result.events.stored).toBeGreaterThanOrEqual(result.events.acked);
  expect(result.rss.find((row) => row.group === 'store servers')).toMatchObject({ processes: 2 });
  expect(result.rss.every((row) => row.peakMb > 0)).toBe(true);
}, 150_000);
