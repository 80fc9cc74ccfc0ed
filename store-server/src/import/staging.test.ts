// Feed files staged into an import's scratch database: lines by kind, the
// report, and the tallies the bad-line policy reads. Real files, real SQLite.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_IMPORT_POLICY, policyRefusal } from '@vitrine/shared/core';
import { fixture } from './feed-test-support';
import { stageFeed, Staging } from '@vitrine/shared/node';

const EUR_PARIS = { currency: 'EUR', timeZone: 'Europe/Paris' };
const scratch = () => new Staging(join(mkdtempSync(join(tmpdir(), 'staging-')), 'staging.sqlite'));

async function stage(staging: Staging, path: string, kind: 'products' | 'inventory' | 'food') {
  const file = path.split('/').at(-1)!;
  await stageFeed(staging, path, kind, { file, ...EUR_PARIS });
  return staging.counts()[file]!;
}

describe('staging an import', () => {
  it('counts each file’s lines, refused lines and warnings, and keeps the report in line order', async () => {
    const staging = scratch();
    const products = await stage(staging, fixture('products.tsv'), 'products');
    expect(products.kind).toBe('products');
    expect(products.rejected).toBe(0);
    expect(products.lines).toBeGreaterThan(0);
    const inventory = await stage(staging, fixture('inventory.tsv'), 'inventory');
    // Six lines: a negative quantity, a missing store code and a price in pounds are refused.
    expect(inventory).toMatchObject({ lines: 6, rejected: 3 });
    const report = staging.report(100);
    const lines = report
      .filter((entry) => entry.file === 'inventory.tsv')
      .map((entry) => entry.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    staging.close();
  });

  it('refuses the second line for the same item in the same store, naming the first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'feed-'));
    const path = join(dir, 'stock.tsv');
    writeFileSync(
      path,
      'store_code\tid\tquantity\nPAR-01\tA-1\t3\nPAR-01\tA-2\t1\nPAR-01\tA-1\t9\nLYO-02\tA-1\t2\n',
    );
    const staging = scratch();
    expect(await stage(staging, path, 'inventory')).toMatchObject({ lines: 4, rejected: 1 });
    expect(staging.report(10)).toEqual([
      {
        file: 'stock.tsv',
        line: 4,
        field: 'id',
        problem: 'the same item and store as line 2: this line is ignored',
        message: { code: 'inventory_duplicate', params: { first: 2 } },
        action: 'rejected',
      },
    ]);
    staging.close();
  });

  it('lets the policy refuse a feed above the chain’s share of bad lines, or a full import of nothing', async () => {
    const staging = scratch();
    await stage(staging, fixture('inventory.tsv'), 'inventory'); // 3 of 6 refused
    const counts = staging.counts();
    expect(policyRefusal(counts, DEFAULT_IMPORT_POLICY, 'incremental')).toBe(
      'inventory.tsv: 3 of 6 lines refused (50.0 %), above the 5 % this chain allows',
    );
    expect(policyRefusal(counts, { maxBadLinePercent: 50 }, 'incremental')).toBeNull();
    await stage(staging, fixture('products-header-only.tsv'), 'products');
    expect(policyRefusal(staging.counts(), { maxBadLinePercent: 100 }, 'full')).toBe(
      'products-header-only.tsv: a full import needs at least one valid product line',
    );
    expect(policyRefusal(staging.counts(), { maxBadLinePercent: 100 }, 'incremental')).toBeNull();
    staging.close();
  });
});
