// Scanning in a real Chromium: the fake camera plays a video of a label made
// from a demo product's GTIN; a wedge scanner types on QWERTY and AZERTY; and
// with the store server stopped, a reload still opens products by scan and
// search, with their stock.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { StoreServer } from '@vitrine/store-server/server';
import { launchWithCameraVideo } from '../support/chromium';
import { startTestServer } from '../support/test-server';
import { writeLabelY4m } from '../fixtures/label-video';
import { demoProduct, waitForSync, wedgeScan, type DemoProduct } from './kiosk-page';

let server: StoreServer;
let browser: BrowserContext;
let page: Page;
let product: DemoProduct;

beforeAll(async () => {
  server = await startTestServer();
  product = demoProduct(server);
  const video = join(mkdtempSync(join(tmpdir(), 'vitrine-label-')), 'label.y4m');
  writeLabelY4m(video, product.gtin.slice(1), { blankFrames: 5, labelFrames: 30 });
  browser = await launchWithCameraVideo(video);
  await browser.grantPermissions(['camera'], { origin: server.url });
  page = await browser.newPage();
  await page.goto(`${server.url}/kiosk/`);
  await waitForSync(page, server);
});
afterAll(async () => {
  await browser?.close();
  await server?.close().catch(() => undefined);
});

const productName = () => page.getByTestId('product').locator('h2').textContent();

describe('kiosk scanning', () => {
  it('opens the product page from the camera, through a label on video', async () => {
    await page.getByTestId('camera-button').click();
    await expect.poll(productName, { timeout: 20_000 }).toBe(product.nameFr);
    await expect.poll(() => page.getByTestId('stock-here').textContent()).toMatch(/: [1-9]/);
    // Closing the scanner stops the camera.
    await page.getByRole('button', { name: 'Fermer la caméra' }).click();
    await expect.poll(() => page.getByTestId('camera').count()).toBe(0);
  });

  it('reads a wedge scan on QWERTY and AZERTY layouts, and routes a loyalty card to staff', async () => {
    await page.getByRole('button', { name: 'Accueil' }).click();
    await wedgeScan(page, product.gtin.slice(1), 'qwerty');
    await expect.poll(productName).toBe(product.nameFr);

    await page.getByRole('button', { name: 'Accueil' }).click();
    await expect.poll(() => page.getByTestId('product').count()).toBe(0);
    await wedgeScan(page, product.gtin.slice(1), 'azerty');
    await expect.poll(productName).toBe(product.nameFr);

    await wedgeScan(page, 'VTR04817395526', 'azerty');
    await expect
      .poll(() => page.getByTestId('scan-notice').getAttribute('data-problem'))
      .toBe('loyalty-card');
    const wrongCheck = `${product.gtin.slice(1, 13)}${(Number(product.gtin.at(-1)) + 1) % 10}`;
    await wedgeScan(page, wrongCheck, 'qwerty');
    await expect
      .poll(() => page.getByTestId('scan-notice').getAttribute('data-problem'))
      .toBe('checksum');
  });

  // A reload, a search index rebuilt offline and two lookups: slow on a loaded machine.
  it(
    'reloads with the store server stopped and still opens products by scan and search',
    { timeout: 90_000 },
    async () => {
      // Let the search index be ready before the network goes.
      await page.getByTestId('search-button').click();
      await expect
        .poll(() => page.getByTestId('result-count').textContent(), { timeout: 20_000 })
        .toMatch(/\d/);
      await server.close();
      await page.reload();
      await page.getByTestId('kiosk').waitFor({ timeout: 20_000 });
      await wedgeScan(page, product.gtin.slice(1), 'qwerty');
      await expect.poll(productName, { timeout: 10_000 }).toBe(product.nameFr);
      await expect.poll(() => page.getByTestId('stock-here').textContent()).toMatch(/: [1-9]/);

      await page.getByTestId('search-button').click();
      await page.getByTestId('search-input').fill(product.nameFr);
      await page
        .getByRole('button', { name: new RegExp(escape(product.nameFr)) })
        .first()
        .click();
      await expect.poll(productName).toBe(product.nameFr);
      await expect.poll(() => page.getByTestId('stock-here').textContent()).toMatch(/: [1-9]/);
    },
  );
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
