// The kiosk over a 20k-product demo store, in a real Chromium with a fake
// camera playing a label: cold start (first ever, then offline with the local
// copy), search index build, search as you type, wedge scans offline, camera
// decode and label → product page. Its bundle sizes are in bundle-sizes.bench.ts.
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { StoreServer } from '@vitrine/store-server/server';
import { labelFrame, writeLabelY4m } from '../fixtures/label-video';
import { launchChromium } from '../support/chromium';
import { startTestServer } from '../support/test-server';
import { decodeInWorker, openCamera, timeLabelToProduct } from './kiosk-camera';
import { kioskResults } from './kiosk-results';
import type { BenchResult } from './stats';
import { timeKeystroke, timeWedgeScan } from './kiosk-timing';

type Scannable = { gtin: string; name: string };
const QUERIES = ['chemise', 'cable usb', 'fromage', 'creme', 'chaussures', 'vin rouge', 'casque'];
const TYPO_QUERIES = ['chmise', 'fromgae'];

/** Products without variants, with stock in this store and reviews, spread over the catalogue. */
export function scannables(server: StoreServer, count: number): Scannable[] {
  const rows = server.db
    .prepare(
      `SELECT json_extract(p.body, '$.gtin') AS gtin, json_extract(p.body, '$.name.fr') AS name
       FROM sync_docs p
       JOIN sync_docs s ON s.collection = 'stock' AND s.id = p.id
       JOIN sync_docs r ON r.collection = 'reviews' AND r.id = p.id
       WHERE p.collection = 'products' AND json_array_length(p.body, '$.variants') = 1 AND json_type(p.body, '$.variants[0].size') IS NULL AND json_type(p.body, '$.variants[0].colour') IS NULL
         AND s.body LIKE ? AND json_extract(r.body, '$.count') > 0
       ORDER BY p.id`,
    )
    .all(`%"locationId":"${server.config.storeId}"%`) as Scannable[];
  if (rows.length < count) throw new Error(`bench: only ${rows.length} scannable products`);
  const step = Math.floor(rows.length / count);
  return Array.from({ length: count }, (_, i) => rows[i * step]!);
}

export async function waitUntil(
  page: Page,
  what: string,
  check: () => Promise<boolean>,
  timeoutMs: number,
) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`bench: ${what} not reached in ${timeoutMs} ms`);
    await page.waitForTimeout(25);
  }
}

export const checkpointOf = async (page: Page) =>
  Number(
    await page.getByTestId('sync-status').getAttribute('data-checkpoint', { timeout: 30_000 }),
  );

/** Opens the search panel and waits until the index holds the whole catalogue. */
async function indexBuildMs(page: Page, scale: number): Promise<number> {
  await page.getByTestId('search-button').click();
  await waitUntil(
    page,
    `search index over ${scale} products`,
    async () =>
      (await page.getByTestId('result-count').textContent())?.replace(/\D/g, '') === String(scale),
    60_000,
  );
  return Number(await page.locator('section.search').getAttribute('data-index-ms'));
}

export async function benchKiosk(scale = 20_000, scans = 50): Promise<BenchResult[]> {
  const server = await startTestServer({ demoScale: scale });
  const products = scannables(server, scans + 1);
  const labelled = products[scans]!;
  const video = join(mkdtempSync(join(tmpdir(), 'vitrine-bench-label-')), 'label.y4m');
  // The kiosk answers a code held in view once, and again only after it was out of
  // sight for a second: 3 s of blank frames between presentations, with margin for a busy machine.
  writeLabelY4m(video, labelled.gtin.slice(1), { blankFrames: 30, labelFrames: 15 });
  const scanRev = server.db
    .prepare(`SELECT MAX(rev) FROM sync_docs WHERE collection IN ('products', 'stock')`)
    .pluck()
    .get() as number;
  const browser = await launchChromium([
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-video-capture=${video}`,
  ]);
  await browser.grantPermissions(['camera'], { origin: server.url });
  // tsx keeps function names with an `__name` helper that the page does not have.
  await browser.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
  try {
    // First ever start: empty profile, store server up.
    let page = await browser.newPage();
    let start = performance.now();
    await page.goto(`${server.url}/kiosk/`);
    await page.getByTestId('kiosk').waitFor({ timeout: 30_000 });
    const firstUiMs = performance.now() - start;
    await waitUntil(
      page,
      'products and stock synced',
      async () => (await checkpointOf(page)) >= scanRev,
      120_000,
    );
    const firstScanReadyMs = performance.now() - start;
    const head = server.docs.head();
    await waitUntil(
      page,
      'complete local copy',
      async () => (await checkpointOf(page)) >= head,
      120_000,
    );
    const onlineIndexMs = await indexBuildMs(page, scale);

    // Offline from here: the store server is stopped; a new tab on the same profile.
    await server.close();
    await page.close();
    page = await browser.newPage();
    const cdp = await page.context().newCDPSession(page);
    start = performance.now();
    await page.goto(`${server.url}/kiosk/`);
    await page.getByTestId('kiosk').waitFor({ timeout: 30_000 });
    const offlineUiMs = performance.now() - start;
    const first = await timeWedgeScan(page, cdp, products[0]!.gtin.slice(1), products[0]!.name);
    const offlineFirstScanMs = performance.now() - start;
    const offlineIndexMs = await indexBuildMs(page, scale);

    const keystrokes: number[] = [];
    // The machine is shared: the 1-minute load average around the keystrokes goes with the figure.
    const searchLoad = [loadavg()[0]!];
    for (const query of [...QUERIES, ...TYPO_QUERIES]) {
      await page.getByTestId('search-input').fill('');
      await page.getByTestId('search-input').focus();
      for (let i = 0; i < query.length; i++) {
        const pressed = performance.now();
        keystrokes.push(await timeKeystroke(page, query[i]!, query.slice(0, i + 1)));
        // A person types ~150 ms apart; faster keys would look like a wedge scanner.
        await page.waitForTimeout(Math.max(0, 150 - (performance.now() - pressed)));
      }
    }

    searchLoad.push(loadavg()[0]!);

    const wedge: { fromFirstKey: number; fromLastKey: number }[] = [];
    for (const product of products.slice(1, scans + 1)) {
      await page.getByRole('button', { name: 'Accueil' }).click();
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      wedge.push(await timeWedgeScan(page, cdp, product.gtin.slice(1), product.name));
    }

    const label = labelFrame(labelled.gtin.slice(1));
    const blank = new Uint8Array(label.length).fill(225);
    const decodeLabel = await decodeInWorker(page, label, 40, false);
    const decodeHard = await decodeInWorker(page, label, 10, true);
    const decodeBlank = await decodeInWorker(page, blank, 20, false);
    const camera: { labelToPaintedMs: number; clock: string }[] = [];
    // A camera that stops answering is a result to report (NOT met), not a reason
    // to lose every other figure of the run.
    let cameraError: string | undefined;
    try {
      for (let i = 0; i < 10; i++) {
        // The panel closes once it has read a code: open it again for each sample
        // (the timing starts at a label frame after a blank one, not at opening).
        await openCamera(page);
        camera.push(await timeLabelToProduct(page, labelled.name));
      }
    } catch (error) {
      cameraError = `after ${camera.length} samples: ${String(error)}`;
    }

    return kioskResults({
      scale,
      firstUiMs,
      firstScanReadyMs,
      offlineUiMs,
      offlineFirstScanMs,
      offlineFirstScan: first,
      onlineIndexMs,
      offlineIndexMs,
      keystrokes,
      searchLoad,
      wedge,
      decodeLabel,
      decodeHard,
      decodeBlank,
      camera,
      cameraError,
    });
  } finally {
    await browser.close();
    await server.close().catch(() => undefined);
  }
}
