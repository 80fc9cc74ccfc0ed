// The scanning benchmark's harness on the smoke corpus: one pass of each
// decoder worker in the kiosk page produces figures for every symbology group,
// and the default decoder with the kiosk's acceptance rule opens no wrong product.
import { describe, expect, it } from 'vitest';
import { SYMBOLOGY_GROUPS } from '../scan-corpus/manifest';
import { DECODERS, scoreCorpus } from './scan-corpus.bench';

describe('scan corpus benchmark (smoke corpus)', () => {
  it('scores every group in each decoder, with no wrong product opened by zxing-wasm', async () => {
    const { scores } = await scoreCorpus('smoke');
    for (const kind of DECODERS) {
      const rows = scores[kind]!;
      expect(rows.map((r) => r.group)).toEqual(
        expect.arrayContaining([...SYMBOLOGY_GROUPS, 'total']),
      );
      for (const row of rows) {
        expect(row.frames, `${kind} ${row.group}`).toBeGreaterThan(0);
        expect(row.ticks).toBe((row.frames / 3) * 15);
        expect(
          row.openedRight + row.wrongProductsOpened + row.wrongOtherOpened + row.notOpened,
        ).toBe(row.labels);
        expect(
          Number.isFinite(row.decodeP95) && row.decodeP95 > 0,
          `${kind} ${row.group} p95`,
        ).toBe(true);
        expect(row.readPct).toBeGreaterThanOrEqual(0);
      }
      // The clean smoke labels are read by each decoder somewhere: the harness sees reads.
      expect(rows.find((r) => r.group === 'total')!.openedRight).toBeGreaterThan(0);
    }
    expect(scores['zxing-wasm']!.find((r) => r.group === 'total')!.wrongProductsOpened).toBe(0);
    // The smoke corpus may be generated first (about 45 s on a loaded 2-core machine).
  }, 300_000);
});
