// The camera reads the 2D codes a product may carry, through Chromium's fake
// camera playing a printed code (not a call into the decoder): a QR code with
// a GS1 Digital Link and a GS1 Data Matrix each open the product page; a QR
// code that names no product gets a clear notice and a way to search.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import type { StoreServer } from '@vitrine/store-server/server';
import { launchWithCameraVideo } from '../support/chromium';
import { startTestServer } from '../support/test-server';
import { writeCodeY4m, type PrintedCode } from '../fixtures/label-video';
import { demoProduct, waitForSync, type DemoProduct } from './kiosk-page';

let server: StoreServer;
let product: DemoProduct;
const browsers: BrowserContext[] = [];

beforeAll(async () => {
  server = await startTestServer();
  product = demoProduct(server);
});
afterAll(async () => {
  await Promise.all(browsers.map((browser) => browser.close()));
  await server?.close();
});

/** A kiosk whose camera sees `code`, with the camera opened. */
async function kioskSeeing(code: PrintedCode) {
  const video = join(mkdtempSync(join(tmpdir(), 'vitrine-code-')), 'code.y4m');
  writeCodeY4m(video, code, { blankFrames: 3, codeFrames: 30 });
  const browser = await launchWithCameraVideo(video);
  browsers.push(browser);
  await browser.grantPermissions(['camera'], { origin: server.url });
  const page = await browser.newPage();
  await page.goto(`${server.url}/kiosk/`);
  await waitForSync(page, server);
  await page.getByTestId('camera-button').click();
  return page;
}

const gtin14 = () => product.gtin.padStart(14, '0');

describe('kiosk camera: 2D codes', () => {
  it('opens the product from a QR code carrying a GS1 Digital Link', async () => {
    const page = await kioskSeeing({
      bcid: 'qrcode',
      text: `https://id.gs1.org/01/${gtin14()}?linkType=gs1:pip`,
    });
    await expect
      .poll(() => page.getByTestId('product').locator('h2').textContent(), { timeout: 20_000 })
      .toBe(product.nameFr);
  });

  it('opens the product from a GS1 Data Matrix', async () => {
    const page = await kioskSeeing({ bcid: 'gs1datamatrix', text: `(01)${gtin14()}(10)LOT42` });
    await expect
      .poll(() => page.getByTestId('product').locator('h2').textContent(), { timeout: 20_000 })
      .toBe(product.nameFr);
  });

  it('says a QR code that names no product is not one, and offers search', async () => {
    const page = await kioskSeeing({ bcid: 'qrcode', text: 'https://example.com/promo' });
    const notice = page.getByTestId('scan-notice');
    await notice.waitFor({ timeout: 20_000 });
    expect(await notice.getAttribute('data-problem')).toBe('unrecognised');
    expect(await page.getByTestId('product').count()).toBe(0);
    await notice.getByRole('button').click();
    await expect.poll(() => page.getByTestId('scan-notice').count()).toBe(0);
  });
});
