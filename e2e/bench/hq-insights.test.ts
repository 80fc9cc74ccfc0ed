// The head-office insights bench's harness at a small scale: 20 stores × 30 days of figures in a
// real PostgreSQL, each route answering with rows.
import { describe, expect, it } from 'vitest';
import { benchHqInsights } from './hq-insights.bench';

describe('head-office insights bench (smoke)', () => {
  it('answers every insights route over a small chain', async () => {
    const results = await benchHqInsights(20, 30, 2);
    expect(results).toHaveLength(6);
    for (const result of results) expect(result.detail?.rows, result.name).toBeGreaterThan(0);
    expect(results[0]!.detail).toMatchObject({ storeDays: 600 });
  }, 180_000);
});
