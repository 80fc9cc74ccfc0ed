// The device search bench's harness at a small scale: keys typed and a
// department chip clicked in the real kiosk page, each timed to its answer painted.
import { describe, expect, it } from 'vitest';
import { benchDeviceSearch } from './device-search.bench';

describe('device search bench (smoke)', () => {
  it('times keystrokes and department chips in the kiosk page at 300 products', async () => {
    const [typed, fromInput, chip] = await benchDeviceSearch(300, { french: ['vin'] }, ['']);
    expect(typed!.detail).toMatchObject({ products: 300, keystrokes: 3 });
    for (const result of [typed!, fromInput!, chip!])
      expect(Number.isFinite(result.value) && result.value > 0, result.name).toBe(true);
    // The box shows what was typed, found in the copy: the demo store has wines.
    expect(Number(typed!.detail!['hits:vin'])).toBeGreaterThan(0);
    expect(chip!.detail!.clicks).toBeGreaterThan(0);
  }, 120_000);
});
