// A shopper session in a real Chromium: a search with a typo finds the
// product, the idle countdown clears everything the shopper touched, and
// axe-core finds no serious or critical violation in French or English.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { StoreServer } from '@vitrine/store-server/server';
import { launchChromium } from '../support/chromium';
import { startTestServer } from '../support/test-server';
import { demoProduct, seriousViolations, waitForSync, type DemoProduct } from './kiosk-page';

let server: StoreServer;
let browser: BrowserContext;
let page: Page;
let product: DemoProduct;

beforeAll(async () => {
  server = await startTestServer();
  product = demoProduct(server);
  browser = await launchChromium();
  page = await browser.newPage();
  // The default idle time: axe runs on a busy machine take seconds without a touch.
  await page.goto(`${server.url}/kiosk/`);
  await waitForSync(page, server);
});
afterAll(async () => {
  await browser?.close();
  await server?.close().catch(() => undefined);
});

/** The longest word of a name with two inner letters swapped: a typical typo. */
function withTypo(name: string): string {
  const word = name.split(/\s+/).sort((a, b) => b.length - a.length)[0]!;
  const i = Math.floor(word.length / 2);
  return `${word.slice(0, i - 1)}${word[i]}${word[i - 1]}${word.slice(i + 1)}`;
}

describe('kiosk session', () => {
  it('finds a product from a search with a typo', async () => {
    await page.getByTestId('search-button').click();
    const typo = withTypo(product.nameFr);
    expect(product.nameFr).not.toContain(typo);
    await page.getByTestId('search-input').fill(typo);
    await expect
      .poll(() => page.getByTestId('results').textContent(), { timeout: 45_000 })
      .toContain(product.nameFr.split(/\s+/).sort((a, b) => b.length - a.length)[0]);
  }, 60_000);

  it('has no serious or critical accessibility violation, in French and English', async () => {
    const pages: string[] = [];
    for (const lang of ['fr', 'en'] as const) {
      await page.getByTestId('search-button').click();
      pages.push(...(await seriousViolations(page)).map((v) => `${lang} search: ${v}`));
      await page.getByTestId('code-input').fill(product.gtin.slice(1));
      await page.getByTestId('code-input').press('Enter');
      await page.getByTestId('product').waitFor();
      pages.push(...(await seriousViolations(page)).map((v) => `${lang} product: ${v}`));
      await page.getByRole('button', { name: lang === 'fr' ? 'Accueil' : 'Home' }).click();
      pages.push(...(await seriousViolations(page)).map((v) => `${lang} home: ${v}`));
      if (lang === 'fr') await page.getByRole('button', { name: 'English' }).click();
    }
    expect(pages).toEqual([]);
  });

  it('shows a countdown when idle, then clears the session', async () => {
    await page.goto(`${server.url}/kiosk/?idleMs=1500&countdownMs=2000`);
    await waitForSync(page, server);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByTestId('search-button').click();
    await page.getByTestId('search-input').fill('abc');
    await page.getByTestId('idle-countdown').waitFor({ timeout: 10_000 });
    // A no-break space: "12" and "s" never part at a line end.
    await expect
      .poll(() => page.getByTestId('idle-countdown').textContent())
      .toMatch(/\d+\u00a0s\./);
    await page.getByTestId('attract').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('kiosk').getAttribute('lang')).toBe('fr');
    expect(await page.getByTestId('idle-countdown').count()).toBe(0);
    await page.getByTestId('search-button').click();
    expect(await page.getByTestId('search-input').inputValue()).toBe('');
  });
});
