// The catalogue export, gzipped or not, and the managers' download section on
// the staff console's Catalogue tab: `?gzip=1` gives the same feed as a .gz
// file the importer reads back; the console downloads each of the four feeds
// in the format chosen, in Chromium.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { apiClient, apiRoutes, ApiCallError } from '@vitrine/shared/core';
import type { StoreServer } from '@vitrine/store-server/server';
import { launchChromium } from '../support/chromium';
import { chooseConsoleLang, signInThroughConsole } from '../support/console-page';
import { startTestServer } from '../support/test-server';
import { DEMO_PASSWORD } from './staff-helpers';

let server: StoreServer;
let browser: BrowserContext;
let manager: ReturnType<typeof apiClient<typeof apiRoutes>>;
const today = () => new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
  const { token } = await apiClient(apiRoutes, { baseUrl: server.url }).auth.login({
    body: { userId: 'manager', password: DEMO_PASSWORD },
  });
  manager = apiClient(apiRoutes, {
    baseUrl: server.url,
    authorization: () => `Bearer ${token}`,
  });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const exported = async (kind: 'products' | 'inventory' | 'food' | 'stores', query: object) =>
  manager.imports.exportFeed({ params: { kind }, query });

describe('the catalogue export, gzipped', () => {
  it('gives the same feed as a .gz file with ?gzip=1, and the importer reads it back', async () => {
    const plain = await exported('products', { format: 'csv' });
    const zipped = await exported('products', { format: 'csv', gzip: '1' });
    expect(zipped.headers.get('content-type')).toBe('application/gzip');
    expect(zipped.headers.get('content-disposition')).toBe(
      `attachment; filename="products-${today()}.csv.gz"`,
    );
    const bytes = Buffer.from(await zipped.arrayBuffer());
    const text = await plain.text();
    expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    expect(gunzipSync(bytes).toString('utf8')).toBe(text);
    expect(bytes.length).toBeLessThan(Buffer.byteLength(text) / 3);
    // The .gz goes back in as it came out: every line read, none refused.
    const job = await manager.imports.createImport({
      body: { mode: 'incremental', language: 'fr' },
    });
    await manager.imports.uploadFeed({
      params: { id: job.id, kind: 'products' },
      query: { name: `products-${today()}.csv.gz` },
      body: bytes,
    });
    await manager.imports.runImport({ params: { id: job.id } });
    await server.imports.idle();
    const done = await manager.imports.import({ params: { id: job.id } });
    expect(done.state, done.reason).toBe('applied');
    const lines = text.trimEnd().split('\n').length - 1;
    expect(done.counts?.[`products-${today()}.csv.gz`]).toMatchObject({ lines, rejected: 0 });
  });

  it('refuses a gzip value that is not 0 or 1 with a 400', async () => {
    const refused = await exported('food', { gzip: 'yes' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiCallError);
    expect((refused as ApiCallError).status).toBe(400);
  });
});

describe('the Catalogue tab’s download section', () => {
  it('downloads each feed in the format chosen, gzipped or not', async () => {
    const page = await browser.newPage();
    await chooseConsoleLang(page, 'fr');
    await signInThroughConsole(page, server.url, 'manager', 'staff');
    await page.getByRole('tab', { name: 'Catalogue' }).click();
    const section = page.getByTestId('catalogue-export');
    await section.getByRole('heading', { name: 'Télécharger le catalogue' }).waitFor();
    if (process.env.UI_GAPS_SHOTS)
      await section.screenshot({ path: `${process.env.UI_GAPS_SHOTS}/catalogue-export-fr.png` });
    // Gzipped (the default) RSS XML stock per store.
    await section.getByTestId('export-format').selectOption('xml');
    const [xml] = await Promise.all([
      page.waitForEvent('download'),
      section.getByRole('button', { name: 'Télécharger : Stock par magasin' }).click(),
    ]);
    expect(xml.suggestedFilename()).toBe(`inventory-${today()}.xml.gz`);
    const xmlText = gunzipSync(readFileSync(await xml.path())).toString('utf8');
    expect(xmlText).toBe(await (await exported('inventory', { format: 'xml' })).text());
    expect(xmlText).toMatch(/^<\?xml/);
    // The stores file as plain TSV.
    await section.getByTestId('export-format').selectOption('tsv');
    await section.getByTestId('export-gzip').uncheck();
    const [stores] = await Promise.all([
      page.waitForEvent('download'),
      section.getByTestId('export-stores').click(),
    ]);
    expect(stores.suggestedFilename()).toBe(`stores-${today()}.tsv`);
    const storesText = readFileSync(await stores.path(), 'utf8');
    expect(storesText.split('\n')[0]).toMatch(/^store_code\t/);
    expect(storesText).toContain('lyon-bellecour\tVitrine Lyon Bellecour');
    await page.close();
  });

  it('is not offered to staff: their console has no Catalogue tab', async () => {
    const page = await browser.newPage();
    await chooseConsoleLang(page, 'fr');
    await signInThroughConsole(page, server.url, 'staff', 'staff');
    await page.getByRole('tab', { name: 'Stock' }).waitFor();
    expect(await page.getByRole('tab', { name: 'Catalogue' }).count()).toBe(0);
    await page.close();
  });
});
