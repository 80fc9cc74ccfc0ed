// The import benchmark's harness at 2,000 products (6,000 items, 6 stores): the
// same generated feeds through a server process's import routes, as
// `npm run bench` runs at 100k. Checks what it measures and what it imports,
// not how fast (that is the bench's).
import { describe, expect, it } from 'vitest';
import { runChainImport, phaseSeconds, type ChainSize } from './import.bench';

const SMOKE: ChainSize = { products: 2_000, variantsPerProduct: 3, stores: 6 };

/** Inventory lines the generator writes: each store stocks every item of one product in three. */
function inventoryLines({ products, variantsPerProduct, stores }: ChainSize): number {
  let lines = 0;
  for (let s = 0; s < stores; s++)
    for (let p = 0; p < products; p++) if ((p + s) % 3 === 0) lines += variantsPerProduct;
  return lines;
}

describe('import benchmark (2k products)', () => {
  it('imports every line of the three feeds, says where the time went, and scans the result', async () => {
    const { run } = await runChainImport(SMOKE, 'vitrine-import-smoke');
    const { job } = run;
    expect(job.state, job.reason).toBe('applied');

    const counts = Object.values(job.counts ?? {});
    const ofKind = (kind: string) => counts.find((each) => each.kind === kind);
    expect(ofKind('products')).toMatchObject({ lines: 6_000, rejected: 0, warnings: 0 });
    expect(ofKind('inventory')).toMatchObject({ lines: inventoryLines(SMOKE), rejected: 0 });
    expect(ofKind('stores')).toMatchObject({ lines: 6, rejected: 0 });
    const written = new Map((job.written ?? []).map((each) => [each.c, each]));
    expect(written.get('products')?.written).toBe(2_000);
    expect(written.get('stock')?.written).toBe(2_000);
    expect(written.get('locations')?.written).toBe(6);

    // Every phase is timed, in the order it ran.
    expect(Object.keys(phaseSeconds(job))).toEqual([
      'stage:stores',
      'stage:products',
      'stage:inventory',
      'build',
      'apply',
      'localPrices',
      'images',
      'commit',
      'announce',
    ]);
    expect(run.seconds).toBeGreaterThan(0);
    expect(run.cpuSeconds).toBeGreaterThan(0);
    expect(run.peakRssMb).toBeGreaterThan(0);
    expect(run.scans).toBeGreaterThan(0);

    // The first product as a kiosk scans it: its three items, stock in stores 0 and 3 (p + s ≡ 0 mod 3).
    expect(run.firstProduct).toEqual({ id: 'P0', variants: 3, stock: { S000: 0, S003: 3 } });
  }, 120_000);
});
