// A mirror's first start on a store whose catalogue it does not have yet: a
// garment scanned in is answered by the store server while the local copy
// fills (the copy is held incomplete by holding the device's pull requests
// after a small first page), and the garment stays in the room once the copy
// has it.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { freePort, spawnServer, type ServerProcess } from '../support/server-process';
import { holdPullsAfterFirstPage } from '../support/hold-pulls';
import { freshDataDir } from '../support/test-server';
import { wedgeScan } from '../kiosk/kiosk-page';

type Item = { gtin: string; name: string; rev: number; head: number };

let server: ServerProcess;
let browser: BrowserContext;
let page: Page;
let dataDir: string;

/** The last garment written whose first item is in stock here, and the store's head. */
function lateGarment(): Item {
  const db = new Database(join(dataDir, 'store.sqlite'), { readonly: true });
  try {
    return db
      .prepare(
        `SELECT json_extract(p.body, '$.variants[0].gtin') AS gtin,
                json_extract(p.body, '$.name.fr') AS name, p.rev,
                (SELECT MAX(rev) FROM sync_docs) AS head
         FROM sync_docs p JOIN sync_docs s ON s.collection = 'stock' AND s.id = p.id
         WHERE p.collection = 'products' AND p.deleted = 0
           AND json_extract(p.body, '$.department') = 'fashion'
           AND json_type(p.body, '$.variants[0].gtin') = 'text'
           AND EXISTS (SELECT 1 FROM json_each(s.body, '$.levels') l, json_each(l.value, '$.quantities') q
                       WHERE json_extract(l.value, '$.locationId') = 'paris-rivoli' AND q.value > 0
                         AND q.key = json_extract(p.body, '$.variants[0].id'))
         ORDER BY p.rev DESC LIMIT 1`,
      )
      .get() as Item;
  } finally {
    db.close();
  }
}

const syncAttr = (name: string) => page.getByTestId('sync-status').getAttribute(name).then(Number);
const detailName = () => page.getByTestId('garment-detail').locator('h2').first().textContent();

beforeAll(async () => {
  dataDir = freshDataDir('vitrine-mirror-filling');
  server = await spawnServer({ dataDir, httpPort: await freePort(), mqttPort: await freePort() });
  browser = await launchChromium();
  page = await browser.newPage();
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await server?.kill();
});

describe('mirror scans while its copy fills', () => {
  it('takes a garment in from the store server, and keeps it once the copy has it', async () => {
    const late = lateGarment();
    expect(late.gtin).toBeTruthy();
    // The seam: the first pull gets a page of 10 documents, every later one waits.
    const pulls = await holdPullsAfterFirstPage(page, server.url);

    await page.goto(`${server.url}/mirror/`);
    await page.getByTestId('mirror').waitFor();
    await expect.poll(pulls.waiting, { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await syncAttr('data-checkpoint')).toBeLessThan(late.rev);

    // Filling: the garment is not in the copy; the store server's answer brings it in.
    await wedgeScan(page, late.gtin.slice(1), 'azerty');
    await expect.poll(() => page.getByTestId('garment').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByTestId('garment').textContent()).toContain(late.name);
    await expect.poll(detailName).toBe(late.name);
    await expect.poll(() => page.getByTestId('stock-here').textContent()).toMatch(/: [1-9]/);

    // The copy fills: the same garment, now read from it.
    await pulls.release();
    await expect
      .poll(() => syncAttr('data-checkpoint'), { timeout: 30_000 })
      .toBeGreaterThanOrEqual(late.head);
    expect(await detailName()).toBe(late.name);
    expect(await page.getByTestId('garment').count()).toBe(1);
  });
});
