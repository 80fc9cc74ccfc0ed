// The insights day-view bench's harness at a small scale: a week of a busy store written into a
// server's SQLite, five days asked over HTTP, each answered with its figures.
import { describe, expect, it } from 'vitest';
import { benchInsightsDay } from './insights-day.bench';

describe('insights day-view bench (smoke)', () => {
  it('answers each day of a seeded week with its figures', async () => {
    const [result] = await benchInsightsDay(7, 5);
    expect(result!.detail).toMatchObject({ days: 5, rows: 7 * (4 * 44 + 300 + 2_000 + 60) });
    expect(result!.value).toBeGreaterThan(0);
  }, 120_000);
});
