// The kiosk in Chromium shows another store's stock only while that store confirms it: a figure
// confirmed 5 min ago is shown with its age, one whose store went quiet 40 min ago (past the
// 30 min window) says it is unavailable instead of a stale number, and a store of the demo's own
// feed (no confirmation at all: a standalone store) is shown as before. The copy is the device's
// (Dexie v7), filled by the real sync from a real store server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { Location, NeighbourStatus, Product, ProductStock } from '@vitrine/shared/core';
import type { StoreServer } from '@vitrine/store-server/server';
import { launchChromium } from '../support/chromium';
import { startTestServer } from '../support/test-server';
import { waitForSync, wedgeScan } from './kiosk-page';

let server: StoreServer;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(`${server.url}/kiosk/?idleMs=3600000`);
  await waitForSync(page, server);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

describe('other stores’ stock on the kiosk', () => {
  it('shows a fresh neighbour’s figure with its age and calls a quiet one unavailable', async () => {
    const row = server.db
      .prepare(
        `SELECT p.body AS product, s.body AS stock FROM sync_docs p
         JOIN sync_docs s ON s.collection = 'stock' AND s.id = p.id
         WHERE p.collection = 'products' AND p.deleted = 0 ORDER BY p.id LIMIT 1`,
      )
      .get() as { product: string; stock: string };
    const product = JSON.parse(row.product) as Product;
    const stock = JSON.parse(row.stock) as ProductStock;
    const others = (
      server.db
        .prepare(`SELECT body FROM sync_docs WHERE collection = 'locations' AND deleted = 0`)
        .pluck()
        .all() as string[]
    )
      .map((body) => JSON.parse(body) as Location)
      .filter((l) => l.kind === 'store' && l.id !== server.config.storeId);
    const [fresh, quiet, fromFeed] = others as [Location, Location, Location];
    const variantId = product.variants[0]!.id;
    const confirmed = (locationId: string, minutes: number) => ({
      locationId,
      quantities: { [variantId]: 12 },
      confirmedAt: minutesAgo(minutes),
    });
    const levels = [
      ...stock.levels.filter((l) => l.locationId !== fresh.id && l.locationId !== quiet.id),
      confirmed(fresh.id, 5),
      confirmed(quiet.id, 40),
    ].sort((a, b) => a.locationId.localeCompare(b.locationId));
    const status = (id: string, minutes: number): NeighbourStatus => ({
      id,
      confirmedAt: minutesAgo(minutes),
    });
    server.docs.write([
      { c: 'stock', id: product.id, body: { id: product.id, levels } },
      { c: 'neighbours', id: fresh.id, body: status(fresh.id, 5) },
      { c: 'neighbours', id: quiet.id, body: status(quiet.id, 40) },
    ]);
    await waitForSync(page, server);

    await wedgeScan(page, product.gtin!.slice(1), 'qwerty');
    await expect
      .poll(() => page.getByTestId('product').locator('h2').first().textContent())
      .toBe(product.name.fr);
    await page.getByText('Dans nos autres magasins').click();
    const line = (id: string) => page.locator(`[data-testid="other-store"][data-location="${id}"]`);
    expect(await line(fresh.id).textContent()).toBe(
      `${fresh.name} (${fresh.city})\u202f: 12 · confirmé il y a 5 min`,
    );
    expect(await line(quiet.id).textContent()).toBe(
      `${quiet.name} (${quiet.city})\u202f: stock indisponible pour le moment`,
    );
    expect(await line(quiet.id).getAttribute('data-units')).toBeNull();
    expect(await line(fromFeed.id).getAttribute('data-figure')).toBe('feed');
    expect(await line(fromFeed.id).textContent()).not.toMatch(/confirmé|indisponible/);
  });
});
