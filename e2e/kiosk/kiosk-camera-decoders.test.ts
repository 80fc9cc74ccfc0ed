// The camera's decoders in a real Chromium, through the fake camera playing a
// printed GS1-128 label: ZXing-C++ (zxing-wasm) by default, its module served
// by the store server with the kiosk's own files and nothing fetched from
// elsewhere; zxing-js when the kiosk is set to it; and zxing-js on its own when
// WebAssembly is switched off in the browser or refused to the worker.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { StoreServer } from '@vitrine/store-server/server';
import { launchWithCameraVideo } from '../support/chromium';
import { startTestServer } from '../support/test-server';
import { codeFrame, writeCodeY4m, writeLumaY4m } from '../fixtures/label-video';
import { demoProduct, waitForSync, type DemoProduct } from './kiosk-page';

type Seen = { decodersSeen: string[] };

let server: StoreServer;
let product: DemoProduct;
let video: string;
const browsers: BrowserContext[] = [];

beforeAll(async () => {
  server = await startTestServer();
  product = demoProduct(server);
  video = join(mkdtempSync(join(tmpdir(), 'vitrine-gs1-128-')), 'label.y4m');
  const gtin14 = product.gtin.padStart(14, '0');
  writeCodeY4m(video, { bcid: 'gs1-128', text: `(01)${gtin14}(10)LOT42` }, { codeFrames: 30 });
});
afterAll(async () => {
  await Promise.all(browsers.map((browser) => browser.close()));
  await server?.close();
});

/** Opens the kiosk (with `query`) and its camera; records every URL the page and its workers ask for. */
async function scanWith(
  query: string,
  chromiumArgs: string[] = [],
  prepare?: (page: Page) => Promise<unknown>,
) {
  const browser = await launchWithCameraVideo(video, chromiumArgs);
  browsers.push(browser);
  await browser.grantPermissions(['camera'], { origin: server.url });
  const requested: string[] = [];
  // The service worker fetches every built file to precache it: only what the page and its workers ask.
  browser.on('request', (request) => {
    if (!request.serviceWorker()) requested.push(request.url());
  });
  const page = await browser.newPage();
  await prepare?.(page);
  // The panel can read and close within a frame: note each decoder it shows as it shows it.
  await page.addInitScript(() => {
    const seen = ((window as unknown as Seen).decodersSeen = [] as string[]);
    new MutationObserver(() => {
      const shown = document.querySelector('[data-testid="camera"]')?.getAttribute('data-decoder');
      if (shown && seen.at(-1) !== shown) seen.push(shown);
    }).observe(document, { subtree: true, childList: true, attributes: true });
  });
  await page.goto(`${server.url}/kiosk/${query}`);
  await waitForSync(page, server);
  await page.getByTestId('camera-button').click();
  await expect
    .poll(() => page.getByTestId('product').locator('h2').textContent(), { timeout: 20_000 })
    .toBe(product.nameFr);
  const decoders = await page.evaluate(() => (window as unknown as Seen).decodersSeen);
  return { decoder: decoders.at(-1), requested };
}

describe('kiosk camera decoders', () => {
  it('decodes with ZXing-C++ by default, its WebAssembly served by the store server alone', async () => {
    const { decoder, requested } = await scanWith('');
    expect(decoder).toBe('zxing-wasm');
    expect(requested.some((url) => /\/kiosk\/assets\/zxing_reader-[\w-]+\.wasm$/.test(url))).toBe(
      true,
    );
    const elsewhere = requested.filter(
      (url) => !url.startsWith(server.url) && !/^(data|blob):/.test(url) && !url.startsWith('ws'),
    );
    expect(elsewhere).toEqual([]);
  });

  it('decodes with zxing-js when the kiosk is set to it', async () => {
    const { decoder, requested } = await scanWith('?decoder=zxing-js');
    expect(decoder).toBe('zxing-js');
    expect(requested.some((url) => /zxing-wasm-worker-[\w-]+\.js$/.test(url))).toBe(false);
    expect(requested.some((url) => /zxing-js-worker-[\w-]+\.js$/.test(url))).toBe(true);
  });

  it('shrugs off a QR code packed with text, then reads the next label', async () => {
    // A curious shopper's code longer than any of ours once stalled the camera
    // loop: its reply failed to parse and the frame was never released.
    const packed = codeFrame({
      bcid: 'qrcode',
      text: 'A'.repeat(2_500),
      options: { eclevel: 'L' },
    });
    const gtin14 = product.gtin.padStart(14, '0');
    const label = codeFrame({ bcid: 'gs1-128', text: `(01)${gtin14}(10)LOT42` });
    const scenes = join(mkdtempSync(join(tmpdir(), 'vitrine-packed-')), 'scenes.y4m');
    writeLumaY4m(scenes, 0, [
      ...Array<Uint8Array>(30).fill(packed),
      ...Array<Uint8Array>(30).fill(label),
    ]);
    const browser = await launchWithCameraVideo(scenes);
    browsers.push(browser);
    await browser.grantPermissions(['camera'], { origin: server.url });
    const page = await browser.newPage();
    await page.goto(`${server.url}/kiosk/`);
    await waitForSync(page, server);
    await page.getByTestId('camera-button').click();
    await expect
      .poll(() => page.getByTestId('product').locator('h2').textContent(), { timeout: 20_000 })
      .toBe(product.nameFr);
  });

  it('falls back to zxing-js by itself in a page without WebAssembly', async () => {
    // Chromium cannot switch WebAssembly off from its command line: take it from the page.
    const { decoder, requested } = await scanWith('', [], (page) =>
      page.addInitScript(() => Reflect.deleteProperty(globalThis, 'WebAssembly')),
    );
    expect(decoder).toBe('zxing-js');
    expect(requested.some((url) => /zxing-wasm-worker-[\w-]+\.js$/.test(url))).toBe(false);
  });

  it('falls back to zxing-js when the worker is refused WebAssembly (a strict policy)', async () => {
    const { decoder, requested } = await scanWith('', [], async (page) => {
      // The worker script must come from the network, where the policy is set,
      // not from the offline cache the kiosk's service worker fills.
      await page.addInitScript(() => {
        navigator.serviceWorker.register = () => Promise.reject(new Error('no offline cache here'));
      });
      // The worker's own policy without 'wasm-unsafe-eval': compiling the module throws.
      await page.route(/zxing-wasm-worker-[\w-]+\.js$/, async (route) => {
        const response = await route.fetch();
        await route.fulfill({
          response,
          headers: { ...response.headers(), 'content-security-policy': "script-src 'self'" },
        });
      });
    });
    expect(decoder).toBe('zxing-js');
    expect(requested.some((url) => /zxing-wasm-worker-[\w-]+\.js$/.test(url))).toBe(true);
    expect(requested.some((url) => /zxing-js-worker-[\w-]+\.js$/.test(url))).toBe(true);
  });
});
