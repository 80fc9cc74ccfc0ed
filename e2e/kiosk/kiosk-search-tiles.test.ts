// Search results in two passes, in a real Chromium: a new answer first renders
// only the rows of tiles in view, then every hit once that frame is painted,
// and the last tile is reachable by scrolling and opens its product.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { StoreServer } from '@vitrine/store-server/server';
import { launchChromium } from '../support/chromium';
import { startTestServer } from '../support/test-server';
import { waitForResults, waitForSync } from './kiosk-page';

const PAGE_OF_HITS = 48;

let server: StoreServer;
let browser: BrowserContext;
let page: Page;
let products: number;

type Pass = { answered: string | null; complete: string | null; names: string[] };
type Watched = Window & { passes: Pass[] };

beforeAll(async () => {
  server = await startTestServer();
  products = server.db
    .prepare(`SELECT COUNT(*) FROM sync_docs WHERE collection = 'products'`)
    .pluck()
    .get() as number;
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(`${server.url}/kiosk/`);
  await waitForSync(page, server);
  await page.getByTestId('search-button').click();
  // The index is rebuilt once the sync settles: wait for the whole catalogue, every tile rendered.
  await waitForList(page, '', products);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close().catch(() => undefined);
});

/** Waits until the list answers `query` with all its hits rendered, and returns their names. */
async function waitForList(on: Page, query: string, total?: number): Promise<string[]> {
  await waitForResults(on, query, total);
  return tileNames(on);
}

const tileNames = (on: Page) => on.locator('[data-testid="results"] .tile-name').allTextContents();

/** Records the list at every DOM change: what it answers, whether complete, which tiles. */
async function watchPasses(on: Page): Promise<void> {
  await on.evaluate(() => {
    const list = document.querySelector('[data-testid="results"]');
    if (!list) throw new Error('no result list');
    const watched = window as unknown as Watched;
    watched.passes = [];
    new MutationObserver(() =>
      watched.passes.push({
        answered: list.getAttribute('data-answered'),
        complete: list.getAttribute('data-complete'),
        names: [...list.querySelectorAll('.tile-name')].map((name) => name.textContent ?? ''),
      }),
    ).observe(list, { attributes: true, childList: true, subtree: true, characterData: true });
  });
}

describe('kiosk search results', () => {
  it('paints the rows in view first, then renders every hit', async () => {
    expect(products).toBeGreaterThan(PAGE_OF_HITS);
    const before = await tileNames(page);
    expect(before).toHaveLength(PAGE_OF_HITS);

    // The rows in view are counted after a paint of the list: wait for that count.
    await page.waitForFunction(
      () => document.querySelector('[data-testid="results"]')?.hasAttribute('data-first-screen'),
      null,
      { timeout: 45_000 },
    );
    const firstScreen = Number(await page.getByTestId('results').getAttribute('data-first-screen'));

    // A facet brings other hits: fashion only.
    await watchPasses(page);
    await page.getByRole('button', { name: 'Mode', exact: true }).click();
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="results"] .tile-name') !== null &&
        (window as unknown as Watched).passes.some((pass) => pass.complete === 'true'),
      null,
      { timeout: 45_000 },
    );
    const all = await waitForList(page, '');
    const passes = await page.evaluate(() => (window as unknown as Watched).passes);
    const first = passes.find((pass) => pass.complete === 'false');
    expect(first, 'a first pass with part of the answer').toBeDefined();
    expect(all).not.toEqual(before);
    expect(all).toHaveLength(Math.min(PAGE_OF_HITS, Number(await resultCount(page))));

    // The first pass: fewer tiles, whole rows, the first of the answer, reaching the screen's bottom.
    const grid = await page.evaluate(() => {
      const list = document.querySelector('[data-testid="results"]')!;
      const tops = [...list.children].map((tile) => tile.getBoundingClientRect().top);
      const columns = tops.filter((top) => top === tops[0]).length;
      return { columns, top: tops[0]!, pitch: tops[columns]! - tops[0]!, viewport: innerHeight };
    });
    const shown = first!.names.length;
    expect(shown).toBe(firstScreen);
    expect(shown).toBeLessThan(all.length);
    expect(shown % grid.columns).toBe(0);
    expect(first!.names).toEqual(all.slice(0, shown));
    const rows = shown / grid.columns;
    expect(grid.top + rows * grid.pitch).toBeGreaterThanOrEqual(grid.viewport);
    expect(grid.top + (rows - 1) * grid.pitch).toBeLessThan(grid.viewport);
  });

  it('reaches the last tile by scrolling, and it opens its product', async () => {
    await page.getByRole('button', { name: 'Tout', exact: true }).click();
    const names = await waitForList(page, '', products);
    const last = page.locator('[data-testid="results"] > li').last();
    await last.scrollIntoViewIfNeeded();
    // Below the fold a tile skips rendering until it is near the viewport: now it has a box.
    await expect.poll(async () => (await last.boundingBox())?.height ?? 0).toBeGreaterThan(50);
    await last.getByRole('button').click();
    await expect
      .poll(() => page.locator('[data-testid="product"] h2').textContent())
      .toBe(names[names.length - 1]);
  });
});

const resultCount = async (on: Page) =>
  ((await on.getByTestId('result-count').textContent()) ?? '').replace(/\D/g, '');
