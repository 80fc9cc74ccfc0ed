// What a staff member sees when the store server's disk is full: a stock
// correction in the staff console (French) says the disk is full and nothing
// was saved, not "internal error"; once space returns the same form saves.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { apiRoutes } from '@vitrine/shared/core';
import type { StoreServer } from '@vitrine/store-server/server';
import { launchChromium } from '../support/chromium';
import { chooseConsoleLang, signInThroughConsole } from '../support/console-page';
import { fetchRoute } from '../support/route-fetch';
import { mountSmallDisk, type SmallDisk } from '../support/small-disk';
import { startTestServer } from '../support/test-server';
import { variantOf } from '../staff/staff-helpers';

const mounted = mountSmallDisk(48);
const refused = 'refused' in mounted ? mounted.refused : undefined;
if (refused) console.warn(`disk-full console test skipped: ${refused}`);
const disk = mounted as SmallDisk;

let server: StoreServer;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  if (refused) return;
  server = await startTestServer({ dataDir: disk.dir, demoScale: 50, storageFloorMb: 1 });
  browser = await launchChromium();
  await chooseConsoleLang(browser, 'fr');
  page = await browser.newPage();
  await signInThroughConsole(page, server.url, 'staff', 'staff');
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (!refused) disk.unmount();
});

async function correctStock(quantity: string) {
  const garment = variantOf(server);
  const here = server.config.storeId;
  await page.getByRole('tab', { name: 'Stock' }).click();
  await page.getByTestId('stock-query').fill(garment.gtin);
  await page.getByRole('button', { name: 'Chercher' }).click();
  const result = page.getByTestId('stock-result');
  await result.locator(`[data-testid="correct-stock"][data-location="${here}"]`).click();
  const form = page.getByTestId('stock-correction');
  await form.getByLabel('Article').selectOption(garment.variantId);
  await form.getByLabel('Quantité comptée').fill(quantity);
  await form.getByLabel('Motif').selectOption('count');
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  return form;
}

it.skipIf(refused !== undefined)(
  'tells staff the disk is full when a stock correction cannot be saved',
  async () => {
    disk.fill();
    await expect
      .poll(async () => (await fetchRoute(server.url, apiRoutes.health.health)).status)
      .toBe(503);
    const form = await correctStock('9');
    await expect
      .poll(() => form.getByRole('alert').textContent())
      .toBe(
        'Le disque du serveur du magasin est plein\u202f: rien n’a été enregistré. Prévenez l’informatique.',
      );
    await page.screenshot({ path: '/tmp/disk-full-staff-console.png' });
    expect(server.db.prepare('SELECT COUNT(*) FROM stock_corrections').pluck().get()).toBe(0);

    disk.free();
    await expect
      .poll(async () => (await fetchRoute(server.url, apiRoutes.health.health)).status, {
        timeout: 15_000,
      })
      .toBe(200);
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await form.waitFor({ state: 'detached' });
    expect(server.db.prepare('SELECT after FROM stock_corrections').pluck().get()).toBe(9);
  },
);
