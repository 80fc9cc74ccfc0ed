// A Swiss store's staff console: the server's --currency reaches the consoles
// through GET /store (the route table's `store` group), so the stock check
// writes prices in francs, the way Node's Intl writes them (the same ICU data
// in Chromium).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import {
  ApiCallError,
  apiClient,
  apiRoutes,
  formatMoney,
  type Product,
} from '@vitrine/shared/core';
import type { StoreServer } from '@vitrine/store-server/server';
import { launchChromium } from '../support/chromium';
import { chooseConsoleLang, signInThroughConsole } from '../support/console-page';
import { startTestServer } from '../support/test-server';
import { signIn, variantOf } from './staff-helpers';

let server: StoreServer;
let browser: BrowserContext;

beforeAll(async () => {
  server = await startTestServer({ currency: 'CHF', timeZone: 'Europe/Zurich' });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const clientAs = (token?: string) =>
  apiClient(apiRoutes, {
    baseUrl: server.url,
    authorization: () => (token ? `Bearer ${token}` : undefined),
  });

/** The price the server holds, read from its document store. */
const priceCentsOf = (id: string) => server.docs.get<Product>('products', id)!.priceCents;

describe('the store as its consoles see it', () => {
  it('tells a signed-in user its id, currency and time zone', async () => {
    const token = await signIn(server, 'staff');
    expect(await clientAs(token).store.info()).toEqual({
      storeId: 'paris-rivoli',
      currency: 'CHF',
      timeZone: 'Europe/Zurich',
    });
  });

  it('tells no one who has not signed in', async () => {
    const refused = await clientAs()
      .store.info()
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiCallError);
    expect((refused as ApiCallError).status).toBe(401);
  });

  it('shows the stock check’s prices in Swiss francs', async () => {
    const product = variantOf(server);
    const page = await browser.newPage();
    await chooseConsoleLang(page, 'fr');
    await signInThroughConsole(page, server.url, 'staff', 'staff');
    await page.getByRole('tab', { name: 'Stock' }).click();
    await page.getByTestId('stock-query').fill(product.gtin);
    await page.getByTestId('stock-query').press('Enter');
    const result = page.getByTestId('stock-result').first();
    await result.waitFor();
    const shown = await result.textContent();
    expect(shown).toContain(formatMoney(priceCentsOf(product.id), 'CHF', 'fr-FR'));
    expect(shown).not.toMatch(/€/);
  });
});
