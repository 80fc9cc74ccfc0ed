// The staff console's Stock tab prices a product as the shopper screens do:
// "from X" when its items cost different amounts here, and beside each other
// store's stock that store's own price where its local inventory feed prices
// it differently ("Lyon : 11,90 €"), a sale there struck against its regular
// price; in French and English, in the store's currency. The feeds go in
// through the import routes as a manager's tools send them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { apiClient, apiRoutes, formatsFor } from '@vitrine/shared/core';
import type { StoreServer } from '@vitrine/store-server/server';
import { launchChromium } from '../support/chromium';
import { chooseConsoleLang, signInThroughConsole } from '../support/console-page';
import { startTestServer } from '../support/test-server';
import { DEMO_PASSWORD } from './staff-helpers';

/** A tee in two sizes at two prices here (9.90 and 12.90), both with barcodes. */
const PRODUCTS = [
  'id\titem_group_id\ttitle\ttitle@en\tprice\tbrand\tsize\tproduct_type\tproduct_type@en\tgtin',
  'UIG-TEE-S\tUIG-TEE\tTee-shirt lin\tLinen tee\t9.90 EUR\tOrtie\tS\tMode > Hauts\tFashion > Tops\t3760009900011',
  'UIG-TEE-L\tUIG-TEE\tTee-shirt lin\tLinen tee\t12.90 EUR\tOrtie\tL\tMode > Hauts\tFashion > Tops\t3760009900028',
].join('\n');
/** Lyon sells both at 11.90; Marseille the small one at 8.90, on sale at 7.90; Lille as here. */
const INVENTORY = [
  'store_code\tid\tquantity\tprice\tsale_price',
  'paris-rivoli\tUIG-TEE-S\t4\t\t',
  'paris-rivoli\tUIG-TEE-L\t2\t\t',
  'lyon-bellecour\tUIG-TEE-S\t11\t11.90 EUR\t',
  'lyon-bellecour\tUIG-TEE-L\t5\t11.90 EUR\t',
  'marseille-prado\tUIG-TEE-S\t3\t8.90 EUR\t7.90 EUR',
  'lille-euralille\tUIG-TEE-L\t1\t\t',
].join('\n');

let server: StoreServer;
let browser: BrowserContext;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
  const { token } = await apiClient(apiRoutes, { baseUrl: server.url }).auth.login({
    body: { userId: 'manager', password: DEMO_PASSWORD },
  });
  const manager = apiClient(apiRoutes, {
    baseUrl: server.url,
    authorization: () => `Bearer ${token}`,
  });
  const job = await manager.imports.createImport({ body: { mode: 'incremental', language: 'fr' } });
  for (const [kind, text] of [
    ['products', PRODUCTS],
    ['inventory', INVENTORY],
  ] as const)
    await manager.imports.uploadFeed({
      params: { id: job.id, kind },
      body: new TextEncoder().encode(text),
    });
  await manager.imports.runImport({ params: { id: job.id } });
  await server.imports.idle();
  const done = await manager.imports.import({ params: { id: job.id } });
  expect(done.state, done.reason).toBe('applied');
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** An amount as the store's money formatting writes it (EUR, the demo store's). */
const euros = (cents: number, lang: 'fr' | 'en') => formatsFor(lang, 'EUR').price(cents);
/** Text as read, with the narrow and plain no-break spaces of fr-FR made plain. */
const plain = (text: string | null) => (text ?? '').replace(/[\u202f\u00a0]/g, ' ');

async function openTee(page: Page, lang: 'fr' | 'en') {
  await chooseConsoleLang(page, lang);
  await signInThroughConsole(page, server.url, 'staff', 'staff');
  await page.getByRole('tab', { name: 'Stock' }).click();
  await page.getByTestId('stock-query').fill('3760009900011');
  await page.getByTestId('stock-query').press('Enter');
  const result = page.getByTestId('stock-result');
  await result.waitFor();
  return result;
}

const storePrice = (result: ReturnType<Page['getByTestId']>, locationId: string) =>
  result
    .locator(`[data-testid="stock-level"][data-location="${locationId}"]`)
    .getByTestId('store-price');

describe('the Stock tab’s prices', () => {
  it('answers other stores’ prices where they differ from this store’s', async () => {
    const { token } = await apiClient(apiRoutes, { baseUrl: server.url }).auth.login({
      body: { userId: 'staff', password: DEMO_PASSWORD },
    });
    const staff = apiClient(apiRoutes, {
      baseUrl: server.url,
      authorization: () => `Bearer ${token}`,
    });
    const [result] = (await staff.stock.check({ query: { q: '3760009900011' } })).results;
    expect(result?.product.id).toBe('UIG-TEE');
    const sorted = [...result!.storePrices].sort((a, b) =>
      `${a.locationId}${a.variantId}`.localeCompare(`${b.locationId}${b.variantId}`),
    );
    expect(sorted).toEqual([
      { locationId: 'lyon-bellecour', variantId: 'UIG-TEE-L', priceCents: 1190, nowCents: 1190 },
      { locationId: 'lyon-bellecour', variantId: 'UIG-TEE-S', priceCents: 1190, nowCents: 1190 },
      { locationId: 'marseille-prado', variantId: 'UIG-TEE-S', priceCents: 890, nowCents: 790 },
    ]);
  });

  it('in French: "à partir de" here, Lyon’s and Marseille’s own prices beside their stock', async () => {
    const page = await browser.newPage();
    const result = await openTee(page, 'fr');
    const here = result.getByTestId('stock-price');
    expect(plain(await here.textContent())).toBe(plain(`à partir de ${euros(990, 'fr')}`));
    expect(await here.getAttribute('data-from')).toBe('true');
    expect(plain(await storePrice(result, 'lyon-bellecour').textContent())).toBe(
      plain(`Lyon : ${euros(1190, 'fr')}`),
    );
    // Marseille: the small one on sale there, struck against its price there.
    const marseille = storePrice(result, 'marseille-prado');
    expect(plain(await marseille.textContent())).toBe(
      plain(`Marseille : à partir de ${euros(790, 'fr')} ${euros(890, 'fr')}`),
    );
    expect(plain(await marseille.locator('s').textContent())).toBe(plain(euros(890, 'fr')));
    // Lille prices it as here: its stock, no price of its own.
    expect(await storePrice(result, 'lille-euralille').count()).toBe(0);
    expect(await result.locator('[data-location="lille-euralille"]').count()).toBeGreaterThan(0);
    if (process.env.UI_GAPS_SHOTS)
      await result.screenshot({ path: `${process.env.UI_GAPS_SHOTS}/stock-prices-fr.png` });
    await page.close();
  });

  it('in English: "from" here and "Lyon: €11.90"', async () => {
    const page = await browser.newPage();
    const result = await openTee(page, 'en');
    expect(plain(await result.getByTestId('stock-price').textContent())).toBe(
      `from ${euros(990, 'en')}`,
    );
    expect(plain(await storePrice(result, 'lyon-bellecour').textContent())).toBe(
      `Lyon: ${euros(1190, 'en')}`,
    );
    if (process.env.UI_GAPS_SHOTS)
      await result.screenshot({ path: `${process.env.UI_GAPS_SHOTS}/stock-prices-en.png` });
    await page.close();
  });
});
