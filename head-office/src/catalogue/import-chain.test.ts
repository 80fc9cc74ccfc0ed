// Head office's catalogue import against a real PostgreSQL, with the store's own feed readers:
// the chain's documents and their delta commit together, the same feed twice changes and sends
// nothing, a full feed withdraws what it lacks, and a store's own prices go to that store alone
// (to enrolled stores only; the others' wait for their first snapshot).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../db/migrations';
import { startTestPostgres, type TestPostgres } from '../local/test-postgres';
import { headOfficeMigrations } from '../schema';
import { importChainCatalogue, type ChainImportRequest } from './import-chain';

const dir = mkdtempSync(join(tmpdir(), 'vitrine-hq-import-test-'));
const HEADER =
  'id\titem_group_id\ttitle\ttitle@en\tdescription\tprice\tavailability\tbrand\tsize\tproduct_type';

function feed(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}
const shirt = (id: string, price: string) =>
  ['S', 'M'].map((size) =>
    [
      `${id}-${size}`,
      id,
      `Chemise ${id}`,
      `Shirt ${id}`,
      'En coton.',
      price,
      'in_stock',
      'Vitrine',
      size,
      'Mode > Chemises',
    ].join('\t'),
  );

describe("head office's catalogue import", () => {
  let test: TestPostgres;
  let pool: pg.Pool;
  const run = (files: ChainImportRequest['files'], mode: 'full' | 'incremental') =>
    importChainCatalogue(pool, {
      files,
      mode,
      language: 'fr',
      currency: 'EUR',
      timeZone: 'Europe/Paris',
    });
  const outbox = async () =>
    (
      await pool.query<{
        head: string;
        kind: string;
        body: { docs?: { id: string; del?: true }[]; prices?: unknown[] };
      }>('SELECT head, kind, body FROM link_outbox ORDER BY id')
    ).rows;
  const docIds = async () =>
    (
      await pool.query<{ id: string }>(
        "SELECT id FROM catalogue_docs WHERE collection = 'products' ORDER BY id",
      )
    ).rows.map((row) => row.id);

  beforeAll(async () => {
    test = await startTestPostgres();
    pool = new pg.Pool({ connectionString: await test.freshDatabase(), max: 4 }).on(
      'error',
      () => undefined,
    );
    await migrate(pool, headOfficeMigrations);
    await pool.query(
      "INSERT INTO stores (id, name, time_zone, currency) VALUES ('lyon', 'Lyon', 'Europe/Paris', 'EUR')",
    );
  });
  afterAll(async () => {
    await pool?.end();
    await test?.remove();
  });

  it('writes the chain documents and their delta, and nothing the second time', async () => {
    const products = feed('products.tsv', [
      HEADER,
      ...shirt('A', '29.90 EUR'),
      ...shirt('B', '19.90 EUR'),
    ]);
    expect(await run({ products }, 'full')).toMatchObject({
      state: 'applied',
      written: 2,
      messages: 1,
    });
    expect(await docIds()).toEqual(['A', 'B']);
    const [delta] = await outbox();
    expect(delta).toMatchObject({ head: 'chain', kind: 'catalogue' });
    expect(delta!.body.docs!.map((doc) => doc.id)).toEqual(['A', 'B']);

    expect(await run({ products }, 'full')).toMatchObject({
      state: 'applied',
      written: 0,
      messages: 0,
    });
    expect(await outbox()).toHaveLength(1);
  });

  it('withdraws what a full feed lacks, never on an incremental one', async () => {
    const onlyA = feed('only-a.tsv', [HEADER, ...shirt('A', '29.90 EUR')]);
    expect(await run({ products: onlyA }, 'incremental')).toMatchObject({
      withdrawn: 0,
      written: 0,
    });
    expect(await run({ products: onlyA }, 'full')).toMatchObject({ withdrawn: 1, messages: 1 });
    expect(await docIds()).toEqual(['A']);
    expect((await outbox()).at(-1)!.body.docs).toEqual([{ c: 'products', id: 'B', del: true }]);
  });

  it("sends a store's own prices to that store, keeps an unenrolled store's for its snapshot", async () => {
    const inventory = feed('inventory.tsv', [
      'store_code\titemid\tquantity\tprice',
      'lyon\tA-M\t3\t24.90 EUR',
      'lyon\tA-S\t3\t29.90 EUR',
      'nice\tA-S\t1\t27.90 EUR',
    ]);
    const outcome = await run({ inventory }, 'incremental');
    expect(outcome).toMatchObject({ state: 'applied', storePrices: 2 });
    const prices = await pool.query(
      'SELECT store_id, variant_id, price_cents FROM store_prices ORDER BY store_id',
    );
    expect(prices.rows).toEqual([
      { store_id: 'lyon', variant_id: 'A-M', price_cents: 2_490 },
      { store_id: 'nice', variant_id: 'A-S', price_cents: 2_790 },
    ]);
    const sent = (await outbox()).filter((row) => row.kind === 'prices');
    expect(sent).toEqual([
      {
        head: 'store:lyon',
        kind: 'prices',
        body: { type: 'prices', prices: [{ productId: 'A', variantId: 'A-M', priceCents: 2_490 }] },
      },
    ]);
  });

  it('refuses a feed that is mostly wrong, changing nothing', async () => {
    const before = await outbox();
    const bad = feed('bad.tsv', [
      HEADER,
      'X-1\tX\t\t\t\tnot a price\t\t\t\t',
      'Y-1\tY\t\t\t\tnope\t\t\t\t',
    ]);
    expect(await run({ products: bad }, 'full')).toMatchObject({ state: 'refused' });
    expect(await docIds()).toEqual(['A']);
    expect(await outbox()).toEqual(before);
  });
});
