// A store whose prices are in Swiss francs: the server's --currency reaches the
// kiosk through the synced store settings, and the product page writes the
// price the way Node's Intl does (the same ICU data in Chromium: same spaces).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import {
  formatMoney,
  formatMoneyLimit,
  type Product,
  type StoreSettings,
} from '@vitrine/shared/core';
import { priceBandsOf } from '@vitrine/shared/client/search';
import type { StoreServer } from '@vitrine/store-server/server';
import { launchChromium } from '../support/chromium';
import { startTestServer } from '../support/test-server';
import { demoProduct, waitForSync, wedgeScan, type DemoProduct } from './kiosk-page';

let server: StoreServer;
let browser: BrowserContext;
let page: Page;
let product: DemoProduct;

beforeAll(async () => {
  server = await startTestServer({ currency: 'CHF' });
  product = demoProduct(server);
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(`${server.url}/kiosk/`);
  await waitForSync(page, server);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The price the server holds, read from its document store. */
const priceCentsOf = (id: string) => server.docs.get<Product>('products', id)!.priceCents;

describe('a store in another currency', () => {
  it('names its currency in the settings its screens sync', () => {
    const settings = server.docs.get<StoreSettings>('settings', server.config.storeId);
    expect(settings?.currency).toBe('CHF');
  });

  it('shows a scanned product’s price in Swiss francs, written as Intl writes it', async () => {
    await wedgeScan(page, product.gtin.slice(1), 'qwerty');
    await expect
      .poll(() => page.getByTestId('product').locator('h2').textContent())
      .toBe(product.nameFr);
    // The catalogue price is there, promoted or not (struck through beside a promotion).
    const shown = await page.getByTestId('price').textContent();
    expect(shown).toContain(formatMoney(priceCentsOf(product.id), 'CHF', 'fr-FR'));
    expect(shown).not.toMatch(/€/);
  });

  it('offers price bands cut from this store’s own prices, written in francs', async () => {
    await page.getByRole('button', { name: 'Accueil' }).click();
    await page.getByTestId('search-button').click();
    const prices = server.docs.all<Product>('products').map((each) => each.priceCents);
    const bands = priceBandsOf(prices);
    const priceFilter = page.getByRole('combobox', { name: /^Prix/ });
    const options = priceFilter.locator('option');
    // "Tout", then one option per band once the index answers.
    await expect.poll(() => options.count(), { timeout: 20_000 }).toBe(bands.length + 1);
    const labels = (await options.allTextContents()).slice(1);
    expect(labels.join(' ')).not.toMatch(/€/);
    // The first band: the products priced under its limit, the limit written as Intl writes francs.
    const limit = bands[0]!.max!;
    const under = prices.filter((cents) => cents < limit).length;
    expect(labels[0]).toBe(`Moins de ${formatMoneyLimit(limit, 'CHF', 'fr-FR')} (${under})`);
    expect(labels.at(-1)).toMatch(/^Plus de \d+\s?CHF \(\d+\)$/);
  });
});
