// A product changed on the store server reaches the kiosk's search without a
// rebuild of its index: the search worker hears which product the copy wrote
// (Dexie's commit event) and indexes that one again, in a real Chromium.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { formatMoney, priceNow, type Product } from '@vitrine/shared/core';
import type { StoreServer } from '@vitrine/store-server/server';
import { launchChromium } from '../support/chromium';
import { startTestServer } from '../support/test-server';
import { demoProduct, waitForResults, waitForSync } from './kiosk-page';

let server: StoreServer;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(`${server.url}/kiosk/`);
  await waitForSync(page, server);
});
afterAll(async () => {
  await browser?.close();
  await server?.close().catch(() => undefined);
});

const panel = () => page.locator('section.search');
const documents = () => page.getByTestId('result-count').textContent();

describe('kiosk search after a sync', () => {
  it('indexes again only the product the store server changed: its new name and price are found', async () => {
    const { id } = demoProduct(server);
    const stored = server.db
      .prepare(`SELECT body FROM sync_docs WHERE collection = 'products' AND id = ?`)
      .get(id) as { body: string };
    const before = JSON.parse(stored.body) as Product;
    await page.getByTestId('search-button').click();
    const field = page.getByTestId('search-input');
    // The index over the whole copy: the empty box counts every product.
    const count = server.db
      .prepare(`SELECT count(*) AS n FROM sync_docs WHERE collection = 'products' AND deleted = 0`)
      .get() as { n: number };
    await waitForResults(page, '', count.n);
    await expect.poll(() => panel().getAttribute('data-index-state')).toBe('ready');
    const reindexed = Number(await panel().getAttribute('data-index-reindexed'));
    const allProducts = await documents();

    const after: Product = {
      ...before,
      name: { fr: 'Zorglubette', en: 'Zorglubette' },
      priceCents: before.priceCents + 111,
    };
    server.catalogue.upsertProduct(after);
    await waitForSync(page, server);
    await field.fill('zorglub');
    await waitForResults(page, 'zorglub', 1);
    const tile = page.locator(`.tiles button[data-product="${id}"]`);
    await expect
      .poll(() => tile.locator('.tile-price').textContent())
      .toContain(formatMoney(priceNow(after, undefined, [], new Date()).nowCents, 'EUR', 'fr-FR'));
    // One product indexed again, no whole read of the copy: the old name is gone from the index.
    await expect
      .poll(async () => Number(await panel().getAttribute('data-index-reindexed')))
      .toBe(reindexed + 1);
    await field.fill(before.name.fr);
    await waitForResults(page, before.name.fr);
    expect(await page.locator(`.tiles button[data-product="${id}"]`).count()).toBe(0);
    await field.fill('');
    await waitForResults(page, '', count.n);
    expect(await documents()).toBe(allProducts);
  });
});
