// A kiosk's first start on a store whose catalogue it does not have yet: a
// scan is answered by the store server while the local copy fills (the copy
// is held incomplete by holding the device's pull requests after a small first
// page), search says calmly how far the copy is; once the copy is complete,
// scans are answered from it alone, with the store server stopped.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { freePort, spawnServer, type ServerProcess } from '../support/server-process';
import { holdPullsAfterFirstPage } from '../support/hold-pulls';
import { freshDataDir } from '../support/test-server';
import { wedgeScan } from './kiosk-page';

type Item = { gtin: string; name: string; rev: number };

let server: ServerProcess;
let browser: BrowserContext;
let page: Page;
let dataDir: string;

/** Products sold as one item, in stock in this store (a count above 0), the last written first. */
function lateProducts(count: number): Item[] {
  const db = new Database(join(dataDir, 'store.sqlite'), { readonly: true });
  try {
    return db
      .prepare(
        `SELECT json_extract(p.body, '$.gtin') AS gtin, json_extract(p.body, '$.name.fr') AS name, p.rev
         FROM sync_docs p JOIN sync_docs s ON s.collection = 'stock' AND s.id = p.id
         WHERE p.collection = 'products' AND p.deleted = 0
           AND json_array_length(p.body, '$.variants') = 1 AND json_type(p.body, '$.gtin') = 'text'
           AND EXISTS (SELECT 1 FROM json_each(s.body, '$.levels') l, json_each(l.value, '$.quantities') q
                       WHERE json_extract(l.value, '$.locationId') = 'paris-rivoli' AND q.value > 0)
         ORDER BY p.rev DESC LIMIT ?`,
      )
      .all(count) as Item[];
  } finally {
    db.close();
  }
}

function head(): number {
  const db = new Database(join(dataDir, 'store.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT MAX(rev) FROM sync_docs').pluck().get() as number;
  } finally {
    db.close();
  }
}

const productName = () => page.getByTestId('product').locator('h2').textContent();
const syncAttr = (name: string) => page.getByTestId('sync-status').getAttribute(name).then(Number);

beforeAll(async () => {
  dataDir = freshDataDir('vitrine-filling');
  server = await spawnServer({ dataDir, httpPort: await freePort(), mqttPort: await freePort() });
  browser = await launchChromium();
  page = await browser.newPage();
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await server?.kill();
});

describe('kiosk scans while its copy fills', () => {
  it('answers from the store server while filling, then offline from the copy', async () => {
    const [late, other] = lateProducts(2);
    expect(late && other).toBeTruthy();
    // The seam: the first pull gets a page of 10 documents, every later one waits.
    const pulls = await holdPullsAfterFirstPage(page, server.url);
    const asked: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/products/by-code/')) asked.push(request.url());
    });

    await page.goto(`${server.url}/kiosk/`);
    await page.getByTestId('kiosk').waitFor();
    await expect.poll(pulls.waiting, { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await syncAttr('data-checkpoint')).toBeLessThan(late!.rev);

    // Filling: the product is not in the copy, the store server answers the scan.
    await wedgeScan(page, late!.gtin.slice(1), 'qwerty');
    await expect.poll(productName).toBe(late!.name);
    await expect.poll(() => page.getByTestId('stock-here').textContent()).toMatch(/: [1-9]/);
    expect(asked).toHaveLength(1);

    // Search says how far the copy is, as a status, not an alert.
    await page.getByTestId('search-button').click();
    const hint = page.getByTestId('catalogue-filling');
    await expect
      .poll(() => hint.textContent())
      .toMatch(/Chargement du catalogue\u202f: \d+\u00a0%/);
    expect(await hint.getAttribute('role')).toBe('status');

    // Let the copy fill: the hint goes once it is complete.
    await pulls.release();
    const last = head();
    await expect.poll(() => syncAttr('data-checkpoint'), { timeout: 20_000 }).toBe(last);
    await expect.poll(() => hint.count()).toBe(0);

    // Complete: the copy alone answers, even with the store server stopped.
    await server.kill('SIGTERM');
    await page.getByRole('button', { name: 'Accueil' }).click();
    await wedgeScan(page, other!.gtin.slice(1), 'qwerty');
    await expect.poll(productName).toBe(other!.name);
    await page.getByRole('button', { name: 'Accueil' }).click();
    await wedgeScan(page, late!.gtin.slice(1), 'qwerty');
    await expect.poll(productName).toBe(late!.name);
    expect(asked).toHaveLength(1);
  }, 60_000);
});
