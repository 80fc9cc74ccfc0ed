// The price fan-out bench's harness at a small scale: 100 prices imported
// incrementally reach the copies of kiosks in two Chromium processes, read
// back from each kiosk's IndexedDB.
import { describe, expect, it } from 'vitest';
import { benchPriceFanout } from './price-fanout.bench';

describe('price fan-out bench (smoke)', () => {
  it('an incremental price import reaches two kiosks’ copies', async () => {
    const [result] = await benchPriceFanout(2, 100, 1);
    expect(result!.detail).toMatchObject({ samples: 2, pricesHeld: '1710,1710', expected: 1710 });
    expect(result!.value).toBeGreaterThanOrEqual(0);
  }, 120_000);
});
