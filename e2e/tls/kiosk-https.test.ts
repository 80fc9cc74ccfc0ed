// The kiosk renderer in a real Chromium over HTTPS only (plain ports off),
// trusting the store CA the way a browser pins: by the SPKI hash of the
// pinned key (--ignore-certificate-errors-spki-list). A browser pinned to
// another CA (a man in the middle's) refuses the store's page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { spkiHash } from '@vitrine/shared/desktop/store-pin';
import type { StoreServer } from '@vitrine/store-server/server';
import { launchChromium } from '../support/chromium';
import { startMitm } from '../support/mitm';
import { startTestServer } from '../support/test-server';
import { demoProduct, waitForSync, wedgeScan } from '../kiosk/kiosk-page';

let server: StoreServer;
const browsers: BrowserContext[] = [];

beforeAll(async () => {
  server = await startTestServer({ httpsPort: 0, mqttsPort: 0, plainPorts: false });
}, 60_000);
afterAll(async () => {
  for (const browser of browsers) await browser.close();
  await server?.close().catch(() => undefined);
});

async function pinnedBrowser(caPem: string): Promise<BrowserContext> {
  const browser = await launchChromium([
    `--ignore-certificate-errors-spki-list=${spkiHash(caPem)}`,
  ]);
  browsers.push(browser);
  return browser;
}

describe('kiosk over HTTPS with the store CA pinned', () => {
  it('loads, syncs over HTTPS and goes live over WSS', async () => {
    const page = await (await pinnedBrowser(server.tls!.caCertificatePem())).newPage();
    await page.goto(`${server.httpsUrl}/kiosk/`);
    await waitForSync(page, server);
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="sync-status"]')?.getAttribute('data-link') ===
        'online',
      undefined,
      { timeout: 30_000 },
    );
    // A scan opens the product from the copy that came over HTTPS.
    const product = demoProduct(server);
    await wedgeScan(page, product.gtin.slice(1), 'qwerty');
    await expect
      .poll(() => page.getByTestId('product').locator('h2').textContent(), { timeout: 20_000 })
      .toBe(product.nameFr);
  }, 120_000);

  it('a browser pinned to another CA refuses the store', async () => {
    const mitm = await startMitm();
    const mitmCa = (await mitm.chain()).at(-1)!;
    const page = await (await pinnedBrowser(mitmCa)).newPage();
    await expect(page.goto(`${server.httpsUrl}/kiosk/`)).rejects.toThrow(
      /ERR_CERT_AUTHORITY_INVALID/,
    );
    await mitm.close();
  }, 60_000);
});
