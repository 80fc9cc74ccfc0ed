// The assistant on the fitting-room mirror, in Chromium: a garment scanned in,
// "do you have it in 32?" answers from that garment's own sizes with the stock
// here, and a FAQ question is answered; the garment's page comes back from the
// answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { Product } from '@vitrine/shared/core';
import type { StoreServer } from '@vitrine/store-server/server';
import { launchChromium } from '../support/chromium';
import { startTestServer } from '../support/test-server';
import { seriousViolations, waitForSync, wedgeScan } from '../kiosk/kiosk-page';

let server: StoreServer;
let browser: BrowserContext;
let mirror: Page;
let jeans: Product;

beforeAll(async () => {
  server = await startTestServer();
  const body = server.db
    .prepare(
      `SELECT body FROM sync_docs WHERE collection = 'products' AND deleted = 0
         AND body LIKE '%"size":"W32"%' AND body LIKE '%"size":"W30"%' ORDER BY id LIMIT 1`,
    )
    .pluck()
    .get() as string;
  jeans = JSON.parse(body) as Product;
  browser = await launchChromium();
  mirror = await browser.newPage();
  await mirror.setViewportSize({ width: 1080, height: 1920 });
  await mirror.goto(`${server.url}/mirror/?room=Cabine%203`);
  await waitForSync(mirror, server);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close().catch(() => undefined);
});

describe('the mirror’s assistant', () => {
  it('answers a size question about the garment brought in, and a FAQ question', async () => {
    const w30 = jeans.variants.find((variant) => variant.size === 'W30')!;
    await wedgeScan(mirror, w30.gtin!.slice(1), 'azerty');
    await mirror.getByTestId('garment-detail').waitFor();

    await mirror.getByTestId('assistant-button').click();
    const input = mirror.getByTestId('assistant-input');
    await input.fill('vous l’avez en 32 ?');
    await input.press('Enter');
    const turn = mirror.getByTestId('assistant-log').locator('li.assistant-turn').first();
    await expect
      .poll(() => turn.getAttribute('data-outcome'), { timeout: 30_000 })
      .toBe('answered');
    const sizes = await turn.locator('.assistant-sizes li').allTextContents();
    expect(sizes.length).toBeGreaterThan(0);
    for (const line of sizes) expect(line).toMatch(/^En W32/);

    await input.fill('Puis-je payer sans contact ?');
    await input.press('Enter');
    const second = mirror.getByTestId('assistant-log').locator('li.assistant-turn').nth(1);
    await expect
      .poll(() => second.getByTestId('assistant-answer').getAttribute('data-answer-id'), {
        timeout: 30_000,
      })
      .toBe('faq-payment');
    expect(await seriousViolations(mirror)).toEqual([]);

    // "See the product" brings the garment's page back.
    await turn.getByRole('button', { name: 'Voir le produit' }).first().click();
    await mirror.getByTestId('garment-detail').waitFor();
    expect(await mirror.getByTestId('assistant').count()).toBe(0);
  });
});
