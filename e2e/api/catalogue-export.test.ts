// The catalogue exported as feeds and imported into an empty store gives the
// same catalogue (issue 15): a demo store's products, inventory and food feeds
// downloaded through the export route in each format, uploaded to a second,
// empty store server through the import routes, and its products and stock
// compared with the first's as parsed JSON. Then the export CLI on the first
// store's stopped data folder writes the same files.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiClient,
  apiRoutes,
  EXPORT_FORMATS,
  FEED_KINDS,
  type FeedKind,
  type Location,
  type Product,
  type ProductStock,
} from '@vitrine/shared/core';
import type { StoreServer } from '@vitrine/store-server/server';
import { fetchRoute } from '../support/route-fetch';
import { freshDataDir, REPO_ROOT, startTestServer } from '../support/test-server';

const run = promisify(execFile);
let source: StoreServer;
let sourceDir: string;
let out: string;
let manager: ReturnType<typeof apiClient<typeof apiRoutes>>;
let staffToken: string;

beforeAll(async () => {
  sourceDir = freshDataDir('vitrine-export');
  source = await startTestServer({ dataDir: sourceDir });
  out = mkdtempSync(join(tmpdir(), 'vitrine-export-e2e-'));
  const anonymous = apiClient(apiRoutes, { baseUrl: source.url });
  const login = (userId: string) =>
    anonymous.auth.login({ body: { userId, password: 'vitrine-demo' } });
  const session = await login('manager');
  manager = apiClient(apiRoutes, {
    baseUrl: source.url,
    authorization: () => `Bearer ${session.token}`,
  });
  staffToken = (await login('staff')).token;
  // A product whose pictures are the image cache's (not the demo's drawn ones): exported by their source URLs.
  const job = await manager.imports.createImport({ body: { mode: 'incremental', language: 'fr' } });
  await manager.imports.uploadFeed({
    params: { id: job.id, kind: 'products' },
    body: new TextEncoder().encode(
      'id\ttitle\tprice\tbrand\tproduct_type\timage_link\tadditional_image_link\n' +
        'LAMP-1\tLampe\t39.90 EUR\tLumo\tMaison > Luminaires\thttps://images.example.invalid/lamp.jpg\thttps://images.example.invalid/lamp-2.jpg\n',
    ),
  });
  await manager.imports.runImport({ params: { id: job.id } });
  await source.imports.idle();
});
afterAll(async () => {
  await source?.close();
});

const byId = <T extends { id: string }>(docs: T[]) =>
  [...docs].sort((a, b) => a.id.localeCompare(b.id));
/** A stock record's levels in store order, as an import writes them (the demo's are in its own). */
const inStoreOrder = (stock: ProductStock[]) =>
  byId(stock).map((record) => ({
    ...record,
    levels: [...record.levels].sort((a, b) => a.locationId.localeCompare(b.locationId)),
  }));

/** The four feeds of one format, downloaded through the route into `dir`. */
async function download(format: (typeof EXPORT_FORMATS)[number], dir: string) {
  const files = {} as Record<FeedKind, string>;
  for (const kind of FEED_KINDS) {
    const response = await manager.imports.exportFeed({ params: { kind }, query: { format } });
    const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1];
    expect(name).toMatch(new RegExp(`^${kind}-\\d{4}-\\d{2}-\\d{2}\\.${format}$`));
    files[kind] = join(dir, name!);
    writeFileSync(files[kind], Buffer.from(await response.arrayBuffer()));
  }
  return files;
}

describe('the catalogue exported as feeds', () => {
  it.each(EXPORT_FORMATS)(
    '%s: imported into an empty store, gives the same products, stock and stores',
    async (format) => {
      const dir = mkdtempSync(join(out, `${format}-`));
      const started = performance.now();
      const files = await download(format, dir);
      const exportMs = performance.now() - started;
      const bytes = Object.values(files).reduce((sum, file) => sum + statSync(file).size, 0);
      console.log(`export ${format}: ${Math.round(exportMs)} ms, ${Math.round(bytes / 1024)} KB`);

      const empty = await startTestServer({ demo: false });
      try {
        expect(empty.docs.countLive('products')).toBe(0);
        const admin = apiClient(apiRoutes, {
          baseUrl: empty.url,
          authorization: () => `Bearer ${empty.adminToken}`,
        });
        const job = await admin.imports.createImport({ body: { mode: 'full', language: 'fr' } });
        for (const kind of FEED_KINDS) {
          await admin.imports.uploadFeed({
            params: { id: job.id, kind },
            body: readFileSync(files[kind]),
          });
        }
        await admin.imports.runImport({ params: { id: job.id } });
        await empty.imports.idle();
        const done = await admin.imports.import({ params: { id: job.id } });
        expect(done.state).toBe('applied');
        // The stores file names every store the inventory does: no warning at all.
        expect(done.firstEntries ?? []).toEqual([]);
        for (const counts of Object.values(done.counts ?? {})) expect(counts.rejected).toBe(0);

        const products = byId(source.docs.all<Product>('products'));
        expect(products.length).toBeGreaterThan(150);
        expect(products.find((p) => p.id === 'LAMP-1')?.images).toHaveLength(2);
        expect(byId(empty.docs.all<Product>('products'))).toEqual(products);
        const stock = inStoreOrder(source.docs.all<ProductStock>('stock'));
        expect(stock.length).toBeGreaterThan(150);
        expect(byId(empty.docs.all<ProductStock>('stock'))).toEqual(stock);
        // The chain's stores and its web shop, as the source knew them.
        expect(byId(empty.docs.all<Location>('locations'))).toEqual(
          byId(source.docs.all<Location>('locations')),
        );
      } finally {
        await empty.close();
      }
    },
  );

  it('is for managers: staff 403, no session 401, a bad kind or format 400', async () => {
    const probe = (params: Record<string, string>, query: Record<string, string>, token?: string) =>
      fetchRoute(source.url, apiRoutes.imports.exportFeed, { params, query, token }).then(
        (response) => response.status,
      );
    expect(await probe({ kind: 'products' }, {}, staffToken)).toBe(403);
    expect(await probe({ kind: 'products' }, {})).toBe(401);
    expect(await probe({ kind: 'prices' }, {}, source.adminToken)).toBe(400);
    expect(await probe({ kind: 'food' }, { format: 'xlsx' }, source.adminToken)).toBe(400);
    const tsv = await manager.imports.exportFeed({ params: { kind: 'inventory' }, query: {} });
    expect(tsv.headers.get('content-type')).toMatch(/^text\/tab-separated-values/);
    expect((await tsv.text()).split('\n')[0]).toBe(
      'store_code\tid\tquantity\tinstore_product_location\tprice\tsale_price\tsale_price_effective_date',
    );
  });

  it('npm run export: refused while the server holds the folder, the same files once stopped', async () => {
    const cli = (dir: string) =>
      run(
        process.execPath,
        ['--import', 'tsx', 'store-server/src/export/cli.ts', '--out', dir, '--data', sourceDir],
        { cwd: REPO_ROOT },
      );
    await expect(cli(join(out, 'busy'))).rejects.toMatchObject({ code: 1 });
    const viaRoute = await download('tsv', mkdtempSync(join(out, 'route-')));
    await source.close();
    const { stdout } = await cli(join(out, 'cli'));
    expect(stdout).toMatch(/^exported in [\d.]+ s:/);
    for (const kind of FEED_KINDS) {
      const name = viaRoute[kind].split('/').at(-1)!;
      expect(readFileSync(join(out, 'cli', name), 'utf8')).toBe(
        readFileSync(viaRoute[kind], 'utf8'),
      );
    }
  });
});
