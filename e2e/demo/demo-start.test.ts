// The demo as a new user meets it: the README's own start command (no fixture,
// no flag), then a real Chromium on the pages the README lists. Its store must
// be its own: stock here, aisles, complete-the-look, a perk valid today and an
// attract loop with content from the very first start.
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { apiClient, apiRoutes } from '@vitrine/shared/core';
import { launchChromium } from '../support/chromium';
import { startDemo, type DemoProcess } from '../support/demo-process';
import { REPO_ROOT } from '../support/test-server';
import { wedgeScan } from '../kiosk/kiosk-page';
import { demoCatalogue, type DemoCatalogue } from './demo-catalogue';

let demo: DemoProcess;
let base: string;
let output: string;
let browser: BrowserContext;
let catalogue: DemoCatalogue;

beforeAll(async () => {
  demo = await startDemo();
  base = demo.base;
  output = demo.output();
  catalogue = await demoCatalogue(base);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

async function openPage(path: string): Promise<Page> {
  const page = await browser.newPage();
  page.setDefaultTimeout(30_000);
  await page.goto(`${base}${path}`);
  return page;
}

describe('npm start, as the README says', () => {
  it('serves the demo store by its own id and says what to open', () => {
    expect(catalogue.storeId).toBe('paris-rivoli');
    expect(output).toContain(`${base}/kiosk/`);
    expect(output).toMatch(/loyalty cards to scan at the till: gold VTR\d{11}/);
  });

  it('shows a promotion in the kiosk attract loop from the very first start', async () => {
    const page = await openPage('/kiosk/');
    const slide = page.getByTestId('attract-slide');
    await expect
      .poll(async () => ((await slide.count()) ? slide.getAttribute('data-promotion') : null), {
        timeout: 60_000,
      })
      .not.toBeNull();
    expect(catalogue.currentPromotionIds).toContain(await slide.getAttribute('data-promotion'));
    await page.close();
  }, 90_000);

  it('scans a product and shows its stock here with the aisle', async () => {
    const page = await openPage('/kiosk/');
    const product = catalogue.productInStockHere;
    // The kiosk answers scans once its local copy holds the product.
    await page.getByTestId('attract').click();
    await expect
      .poll(
        async () => {
          await wedgeScan(page, product.gtin.replace(/^0/, ''), 'azerty');
          return page.getByTestId('stock-here').count();
        },
        { timeout: 60_000, interval: 2_000 },
      )
      .toBe(1);
    const stock = (await page.getByTestId('stock-here').textContent()) ?? '';
    expect(stock).toContain(product.aisle);
    expect(Number(/:\s*(\d+)/.exec(stock)?.[1])).toBeGreaterThan(0);
    await page.close();
  }, 90_000);

  it('completes the look in the mirror with pieces in stock here', async () => {
    const page = await openPage('/mirror/');
    await expect
      .poll(
        async () => {
          await wedgeScan(page, catalogue.garmentInLook.replace(/^0/, ''), 'qwerty');
          return page.getByTestId('complete-look').count();
        },
        { timeout: 60_000, interval: 2_000 },
      )
      .toBe(1);
    await expect
      .poll(() => page.getByTestId('look-suggestion').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await page.close();
  }, 90_000);

  it('has a perk a member can use today', async () => {
    const card = /gold (VTR\d{11})/.exec(output)?.[1];
    const password = /password (\S+)\)/.exec(output)?.[1];
    const { token } = await apiClient(apiRoutes, { baseUrl: base }).auth.login({
      body: { userId: 'staff', password: password ?? '' },
    });
    const staff = apiClient(apiRoutes, { baseUrl: base, authorization: () => `Bearer ${token}` });
    const best = await staff.loyalty.optimise({
      body: {
        cardCode: card ?? '',
        basket: [{ code: catalogue.productInStockHere.gtin, quantity: 1 }],
      },
    });
    expect(best.chosen.length).toBeGreaterThan(0);
  });

  it('opens the manager’s Footfall tab on four weeks of counts, sales and a staffing plan', async () => {
    const password = /password (\S+)\)/.exec(output)?.[1];
    const { token } = await apiClient(apiRoutes, { baseUrl: base }).auth.login({
      body: { userId: 'manager', password: password ?? '' },
    });
    const manager = apiClient(apiRoutes, { baseUrl: base, authorization: () => `Bearer ${token}` });
    const { counters } = await manager.insights.counters();
    expect(counters.map((counter) => [counter.name, counter.flags])).toEqual([
      ['Entrée principale', []],
      ['Porte latérale', []],
    ]);
    // The last seven days hold at least five opening days (the store closes on Sundays only).
    const days = Array.from({ length: 7 }, (_, i) =>
      new Date(Date.now() - (i + 1) * 86_400_000).toISOString().slice(0, 10),
    );
    const week = await Promise.all(days.map((date) => manager.insights.day({ query: { date } })));
    const open = week.filter((day) => day.totals.visitors > 0);
    expect(open.length).toBeGreaterThanOrEqual(5);
    for (const day of open) {
      expect(day.salesSource).toBe('till');
      expect(day.totals.conversion).toBeGreaterThan(0.1);
      expect(day.totals.conversion).toBeLessThan(0.4);
    }
    const hints = await manager.insights.staffing({ query: { weeks: 8 } });
    expect(hints.weeks).toBe(4);
    expect(hints.needMore.length).toBeGreaterThan(0);
  });

  it('refuses to serve a store its data does not have, naming the ones it has', async () => {
    await demo.stop();
    const wrong = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'store-server/src/main.ts',
        '--store',
        'demo-store',
        '--data',
        demo.dataDir,
      ],
      { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 },
    );
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/store "demo-store" has no data/);
    expect(wrong.stderr).toMatch(/Stores with data: .*paris-rivoli/);
  }, 90_000);
});
