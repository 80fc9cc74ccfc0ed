// The sync engine in a real Chromium: the kiosk page syncs the demo store into
// IndexedDB, applies a live stock change, and keeps answering with the store
// server gone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { StoreServer } from '@vitrine/store-server/server';
import { launchChromium } from '../support/chromium';
import { startTestServer } from '../support/test-server';

let server: StoreServer;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.close().catch(() => undefined);
});

const status = (attribute: string) => page.getByTestId('sync-status').getAttribute(attribute);

describe('kiosk page in Chromium', () => {
  it('syncs, updates live, and answers from IndexedDB with the server down', async () => {
    await page.goto(`${server.url}/kiosk/`);
    const head = String(server.docs.head());
    await expect.poll(() => status('data-checkpoint'), { timeout: 30_000 }).toBe(head);
    await expect.poll(() => status('data-link')).toBe('online');

    const gtin = server.db
      // A product without variants, so "in stock here" is that one quantity.
      .prepare(
        `SELECT json_extract(body, '$.gtin') FROM sync_docs
         WHERE collection = 'products' AND json_array_length(body, '$.variants') = 1 AND json_type(body, '$.variants[0].size') IS NULL AND json_type(body, '$.variants[0].colour') IS NULL LIMIT 1`,
      )
      .pluck()
      .get() as string;
    const product = server.catalogue.productByCode(gtin)!;
    await page.getByTestId('code-input').fill(gtin.slice(1));
    await page.getByRole('button', { name: 'Chercher' }).click();
    await expect
      .poll(() => page.getByTestId('product').locator('h2').textContent())
      .toBe(product.name.fr);

    server.catalogue.setStock(product.id, server.config.storeId, product.variants[0]!.id, 17);
    await expect.poll(() => status('data-checkpoint')).toBe(String(server.docs.head()));
    await page.getByRole('button', { name: 'Chercher' }).click();
    await expect.poll(() => page.getByTestId('stock-here').textContent()).toMatch(/: 17/);

    await server.close();
    await expect.poll(() => status('data-link'), { timeout: 15_000 }).toBe('offline');
    await page.getByTestId('code-input').fill(gtin.slice(1));
    await page.getByRole('button', { name: 'Chercher' }).click();
    await expect.poll(() => page.getByTestId('stock-here').textContent()).toMatch(/: 17/);
  });
});
