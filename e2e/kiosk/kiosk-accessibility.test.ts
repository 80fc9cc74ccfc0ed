// Read-aloud and seated reach mode in a real Chromium. Headless Chromium has no
// speech engine, so the page's speechSynthesis is replaced by a recorder that
// speaks for a set time (the boundary we cannot run here); everything else is
// the kiosk as shipped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { StoreServer } from '@vitrine/store-server/server';
import { launchChromium } from '../support/chromium';
import { startTestServer } from '../support/test-server';
import { demoProduct, waitForSync, wedgeScan, type DemoProduct } from './kiosk-page';

let server: StoreServer;
let browser: BrowserContext;
let page: Page;
let product: DemoProduct;

type Spoken = { said: { text: string; lang: string }[]; cancels: number; speaking: boolean };

beforeAll(async () => {
  server = await startTestServer();
  product = demoProduct(server);
  browser = await launchChromium();
  await browser.addInitScript(() => {
    const state = { said: [] as { text: string; lang: string }[], cancels: 0, speaking: false };
    let current: SpeechSynthesisUtterance | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (event: 'end' | 'error') => {
      clearTimeout(timer);
      const utterance = current;
      current = undefined;
      state.speaking = false;
      if (event === 'end') utterance?.onend?.(new Event('end') as SpeechSynthesisEvent);
      else utterance?.onerror?.(new Event('error') as SpeechSynthesisErrorEvent);
    };
    const recorder = {
      speak(utterance: SpeechSynthesisUtterance) {
        current = utterance;
        state.speaking = true;
        state.said.push({ text: utterance.text, lang: utterance.lang });
        const ms = (window as unknown as { speechMs?: number }).speechMs ?? 300;
        timer = setTimeout(() => finish('end'), ms);
      },
      cancel() {
        state.cancels++;
        if (current) finish('error');
      },
    };
    Object.defineProperty(window, 'speechSynthesis', { value: recorder });
    // `endSpeech`: the voice reaches the end of the text now (a test need not race a timer).
    Object.assign(window, { spoken: state, endSpeech: () => current && finish('end') });
  });
  page = await browser.newPage();
  await page.goto(`${server.url}/kiosk/`);
  await waitForSync(page, server);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const spoken = () => page.evaluate(() => (window as unknown as { spoken: Spoken }).spoken);
const readAloud = () => page.getByRole('button', { name: /Lire à voix haute|Arrêter la lecture/ });

describe('kiosk accessibility', () => {
  it('reads the product aloud in French, and the button comes back when it is done', async () => {
    await wedgeScan(page, product.gtin.slice(1), 'qwerty');
    await expect
      .poll(() => page.getByTestId('product').locator('h2').textContent())
      .toBe(product.nameFr);
    // Long enough that the button is still "stop" when read, on a loaded machine too.
    await page.evaluate(() => Object.assign(window, { speechMs: 60_000 }));
    await readAloud().click();
    const { said } = await spoken();
    expect(said).toHaveLength(1);
    expect(said[0]?.lang).toBe('fr-FR');
    expect(said[0]?.text).toContain(product.nameFr);
    expect(said[0]?.text).toMatch(/€/);
    expect(await readAloud().getAttribute('aria-pressed')).toBe('true');
    // The speech comes to its end: the button offers reading again.
    await page.evaluate(() => (window as unknown as { endSpeech: () => void }).endSpeech());
    await expect.poll(() => readAloud().getAttribute('aria-pressed')).toBe('false');
    expect(await readAloud().textContent()).toContain('Lire à voix haute');
  });

  it('goes on through a stock change, and falls silent when the shopper leaves the product', async () => {
    await page.evaluate(() => Object.assign(window, { speechMs: 60_000 }));
    await readAloud().click();
    expect((await spoken()).speaking).toBe(true);
    // A stock change arriving while it reads does not cut it off.
    server.catalogue.setStock(product.id, server.config.storeId, product.variantId, 42);
    await expect.poll(() => page.getByTestId('stock-here').textContent()).toMatch(/42/);
    expect((await spoken()).speaking).toBe(true);
    await page.getByRole('button', { name: 'Accueil' }).click();
    await expect.poll(async () => (await spoken()).speaking).toBe(false);
  });

  it('moves every control into a seated reach in reach mode, and back', async () => {
    const bar = page.locator('header.topbar');
    const height = await page.evaluate(() => innerHeight);
    const reach = page.getByRole('button', { name: /Mode accessible assis/ });
    expect((await bar.boundingBox())!.y).toBeLessThan(height * 0.1);
    await reach.click();
    expect(await reach.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(async () => (await bar.boundingBox())!.y).toBeGreaterThan(height * 0.3);
    for (const button of await bar.getByRole('button').all()) {
      const box = (await button.boundingBox())!;
      expect(box.y).toBeGreaterThan(height * 0.3);
      expect(box.y + box.height).toBeLessThanOrEqual(height);
    }
    await reach.click();
    await expect.poll(async () => (await bar.boundingBox())!.y).toBeLessThan(height * 0.1);
  });
});
