// The kiosk's copy is pulled and written by a dedicated Web Worker
// (shared/src/client/replication/): the page's thread only reads. Proved here
// in Chromium: the worker runs, the copy it writes fills the page's screens,
// and a live change it writes reaches the product page open on screen through
// Dexie's live query (a commit in one context of the origin is seen in another).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { StoreServer } from '@vitrine/store-server/server';
import { launchChromium } from '../support/chromium';
import { startTestServer } from '../support/test-server';
import { demoProduct, waitForCheckpoint, waitForSync, wedgeScan } from './kiosk-page';

let server: StoreServer;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
  page = await browser.newPage();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close().catch(() => undefined);
});

const productName = () => page.getByTestId('product').locator('h2').textContent();

describe('the copy written in a worker', () => {
  it('fills the copy from a worker, and a live change it writes shows on the open product page', async () => {
    const pulls: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/v1/sync')) pulls.push(request.url());
    });
    await page.goto(`${server.url}/kiosk/`);
    await waitForSync(page, server);
    expect(pulls.length).toBeGreaterThan(0);

    // The replicator runs in its own worker, and it has the copy open there.
    const worker = page.workers().find((each) => each.url().includes('replication-worker'));
    expect(worker).toBeDefined();
    const workerName = await worker!.evaluate(() => (self as unknown as { name: string }).name);
    expect(workerName).toBe('replication');

    const product = demoProduct(server);
    await wedgeScan(page, product.gtin.slice(1), 'qwerty');
    await expect.poll(productName).toBe(product.nameFr);

    // A live change (one document: sent whole over MQTT, written by the worker).
    const body = server.docs.get<{ name: { fr: string } }>('products', product.id)!;
    const renamed = `${product.nameFr} (nouvelle étiquette)`;
    const pullsBefore = pulls.length;
    const change = server.docs.write([
      { c: 'products', id: product.id, body: { ...body, name: { ...body.name, fr: renamed } } },
    ]);
    await waitForCheckpoint(page, change.toRev);
    await expect.poll(productName).toBe(renamed);
    // It came whole in the live message: the worker wrote it without a pull.
    expect(pulls.length).toBe(pullsBefore);
  }, 45_000);

  it('replicates on the page when the worker cannot start', async () => {
    // Another kiosk (its own profile) whose worker script does not load.
    const other = await launchChromium();
    try {
      const kiosk = await other.newPage();
      await kiosk.route('**/replication-worker-*.js', (route) => route.abort());
      const warnings: string[] = [];
      kiosk.on('console', (message) => {
        if (message.type() === 'warning') warnings.push(message.text());
      });
      await kiosk.goto(`${server.url}/kiosk/`);
      await waitForSync(kiosk, server);
      expect(kiosk.workers().some((each) => each.url().includes('replication-worker'))).toBe(false);
      expect(warnings.some((text) => text.includes('replicating on the page'))).toBe(true);
    } finally {
      await other.close();
    }
  }, 45_000);
});
