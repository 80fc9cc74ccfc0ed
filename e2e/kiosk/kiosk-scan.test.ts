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
import { DEMO_STAFF_PIN } from '@vitrine/store-server/settings';
import {
  demoProduct,
  openStaffOverlay,
  seriousViolations,
  waitForSync,
  wedgeScan,
  type DemoProduct,
} from './kiosk-page';

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
  it('opens the product page from the camera, through a label on video, and closes the camera', async () => {
    await page.getByTestId('camera-button').click();
    await expect.poll(productName, { timeout: 20_000 }).toBe(product.nameFr);
    await expect.poll(() => page.getByTestId('stock-here').textContent()).toMatch(/: [1-9]/);
    // A code read: the panel closes by itself, its camera stopped.
    await expect.poll(() => page.getByTestId('camera').count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.querySelectorAll('video').length)).toBe(0);
  });

  it('opens a variant’s own GTIN with that size and colour chosen', async () => {
    const garment = server.db
      .prepare(
        `SELECT json_extract(body, '$.name.fr') AS name, json_extract(body, '$.variants[1].id') AS id,
                json_extract(body, '$.variants[1].gtin') AS gtin,
                json_extract(body, '$.variants[1].size') AS size
         FROM sync_docs WHERE collection = 'products' AND json_array_length(body, '$.variants') > 2
           AND json_type(body, '$.variants[1].size') IS NOT NULL ORDER BY id LIMIT 1`,
      )
      .get() as { name: string; id: string; gtin: string; size: string };
    await page.getByRole('button', { name: 'Accueil' }).click();
    await wedgeScan(page, garment.gtin.slice(1), 'qwerty');
    await expect.poll(productName).toBe(garment.name);
    const chosen = page.getByTestId('variant-stock');
    await expect.poll(() => chosen.getAttribute('data-variant')).toBe(garment.id);
    expect(await chosen.getAttribute('data-gtin')).toBe(garment.gtin);
    expect(
      await page
        .locator(`[data-axis="size"] button[data-value="${garment.size}"]`)
        .getAttribute('aria-pressed'),
    ).toBe('true');
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

  it('reads an AZERTY-configured scanner (Shift+digit keys, A/Q swapped) on an AZERTY PC', async () => {
    await page.getByRole('button', { name: 'Accueil' }).click();
    await wedgeScan(page, product.gtin.slice(1), 'azerty-scanner');
    await expect.poll(productName).toBe(product.nameFr);
    await wedgeScan(page, 'VTR04817395526', 'azerty-scanner');
    await expect
      .poll(() => page.getByTestId('scan-notice').getAttribute('data-problem'))
      .toBe('loyalty-card');
  });

  it('leaves the focused search box as it was after a scan and opens the product; a typed key goes in at once', async () => {
    for (const layout of ['azerty', 'azerty-scanner', 'qwerty'] as const) {
      await page.getByTestId('search-button').click();
      const field = page.getByTestId('search-input');
      await field.fill('vin');
      await expect
        .poll(() => page.getByTestId('results').getAttribute('data-answered'))
        .toBe('vin');
      await field.focus();
      await wedgeScan(page, product.gtin.slice(1), layout);
      await expect.poll(productName).toBe(product.nameFr);
      // Back on the search screen, the remembered query is the shopper's, nothing of the scan.
      await page.getByTestId('search-button').click();
      await expect.poll(() => field.inputValue()).toBe('vin');
    }
    // A person's key is in the box as it is pressed, not held back by the scanner guard:
    // its keydown is not prevented, and the text is there in the next task.
    const field = page.getByTestId('search-input');
    await field.fill('');
    await field.focus();
    await page.evaluate(() => {
      const seen = ((window as { typedAtOnce?: boolean[] }).typedAtOnce = [] as boolean[]);
      window.addEventListener('keydown', (event) => {
        const input = event.target as HTMLInputElement;
        const before = input.value;
        setTimeout(() => seen.push(!event.defaultPrevented && input.value.length > before.length));
      });
    });
    await page.keyboard.type('vin', { delay: 150 });
    await expect.poll(() => field.inputValue()).toBe('vin');
    expect(await page.evaluate(() => (window as { typedAtOnce?: boolean[] }).typedAtOnce)).toEqual([
      true,
      true,
      true,
    ]);
  });

  it('tells the shopper only "scan not recognised" and names a misconfigured scanner in the staff overlay', async () => {
    await page.getByRole('button', { name: 'Accueil' }).click();
    // A scanner ending its codes with Tab where the kiosk expects Enter.
    await wedgeScan(page, product.gtin.slice(1), 'qwerty', { suffix: 'Tab' });
    await expectShopperNotice();
    await expectStaffToRead('fr', 'suffixe Tab reçu au lieu de Entrée');

    // A kiosk told the scanner is QWERTY refuses an AZERTY scanner's keys rather than guess.
    await page.goto(`${server.url}/kiosk/?wedgeLayout=us`);
    await waitForSync(page, server);
    await page.getByRole('button', { name: 'English' }).click();
    await wedgeScan(page, product.gtin.slice(1), 'azerty-scanner');
    await expectShopperNotice('Scan not recognised, try again.');
    await expectStaffToRead(
      'en',
      'unreadable keyboard layout, set the scanner to AZERTY or QWERTY',
    );
    await page.goto(`${server.url}/kiosk/`);
    await waitForSync(page, server);
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

/** A notice the shopper can act on, nothing engineering-shaped, and no product (right or wrong). */
async function expectShopperNotice(text = 'Scan non reconnu, réessayez.') {
  const notice = page.getByTestId('scan-notice');
  await expect.poll(() => notice.getAttribute('data-problem')).toBe('scanner-unreadable');
  expect(await notice.locator('strong').textContent()).toBe(text);
  expect(await page.getByTestId('product').count()).toBe(0);
  const shopperText = await page.getByTestId('kiosk').innerText();
  expect(shopperText).not.toMatch(/douchette|scanner:|suffix|disposition|layout|QWERTY/i);
}

/** The staff overlay's scanner section names the problem, in the session's language. */
async function expectStaffToRead(lang: 'fr' | 'en', problem: string) {
  const overlay = await openStaffOverlay(page, DEMO_STAFF_PIN, lang);
  const line = overlay.getByTestId('diagnostic-scanner').getByTestId('diagnostic-scanner-problem');
  await expect.poll(() => line.textContent()).toContain(problem);
  expect(await line.getAttribute('data-state')).toBe('bad');
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect.poll(() => overlay.count()).toBe(0);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
