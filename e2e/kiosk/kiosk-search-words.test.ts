// Kiosk search as a shopper types it, in a real Chromium: the word for a kind
// of product (its shelf, in French or English, singular or plural, any case)
// finds that kind; same-named products never show as identical tiles; and
// after "Browse" or Enter, focus lands on the results' count, in the
// shopper's language. Expectations come from the store's data and messages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { Product } from '@vitrine/shared/core';
import { messages } from '@vitrine/shared/ui';
import type { StoreServer } from '@vitrine/store-server/server';
import { launchChromium } from '../support/chromium';
import { startTestServer } from '../support/test-server';
import { waitForResults, waitForSync } from './kiosk-page';

const SHOWN = 48;

let server: StoreServer;
let browser: BrowserContext;
let page: Page;
let products: Product[];

beforeAll(async () => {
  server = await startTestServer();
  products = (
    server.db
      .prepare(`SELECT body FROM sync_docs WHERE collection = 'products' AND deleted = 0`)
      .pluck()
      .all() as string[]
  ).map((body) => JSON.parse(body) as Product);
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(`${server.url}/kiosk/`);
  await waitForSync(page, server);
  // The index is rebuilt once the sync settles: wait until it holds the whole catalogue.
  await page.getByTestId('search-button').click();
  await waitForResults(page, '', products.length);
  await page.getByRole('button', { name: messages.fr.home }).click();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close().catch(() => undefined);
});

/** A plain reading of "this product is on a shelf named by this word": no case, no accents, -s or -es. */
const words = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/);
const plural = (word: string) => [word, `${word}s`, `${word}es`];
const sameWord = (a: string, b: string) => plural(a).includes(b) || plural(b).includes(a);
function shelvedUnder(word: string): Set<string> {
  const [asked] = words(word);
  return new Set(
    products
      .filter((product) =>
        (product.categoryPath ?? []).some((shelf) =>
          words(`${shelf.fr} ${shelf.en}`).some((label) => sameWord(label, asked!)),
        ),
      )
      .map((product) => product.id),
  );
}

/** Types `query` and waits for its answer with every tile rendered; returns the tiles' products. */
async function search(query: string): Promise<{ total: number; ids: string[] }> {
  await page.getByTestId('search-input').fill(query);
  await waitForResults(page, query);
  const count = (await page.getByTestId('result-count').textContent()) ?? '';
  const ids = await page
    .locator('[data-testid="results"] .tile')
    .evaluateAll((tiles) => tiles.map((tile) => tile.getAttribute('data-product') ?? ''));
  return { total: Number(count.replace(/\D/g, '') || 0), ids };
}

/** Searching `word` finds every product on that shelf, and lists them first. */
async function findsShelf(word: string) {
  const expected = shelvedUnder(word);
  expect(expected.size, `${word}: products on that shelf`).toBeGreaterThan(0);
  const { total, ids } = await search(word);
  expect(total, word).toBeGreaterThanOrEqual(expected.size);
  // The products of that kind come first (a typo-tolerant match may follow them).
  const first = ids.slice(0, Math.min(expected.size, SHOWN));
  expect(
    first.filter((id) => !expected.has(id)),
    word,
  ).toEqual([]);
}

const activeTestId = () =>
  page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

describe('kiosk search', () => {
  it('moves focus to the results after Browse and says how many there are, in French', async () => {
    await page.getByTestId('search-button').click();
    await expect.poll(activeTestId).toBe('result-count');
    const heading = page.getByTestId('result-count');
    expect(await heading.textContent()).toBe(messages.fr.results(products.length));
    expect(await heading.getAttribute('aria-live')).toBe('polite');
  }, 60_000);

  it('finds each kind of product by its shelf word in French, singular or plural, any case', async () => {
    for (const word of ['chaussures', 'Chaussure', 'vin', 'VINS', 'robe']) await findsShelf(word);
  }, 120_000);

  it('finds them by the English word too, and Enter moves focus to the count, in English', async () => {
    await page.getByRole('button', { name: messages.fr.language }).click();
    for (const word of ['shoes', 'wine', 'Wines', 'dress', 'dresses']) await findsShelf(word);
    expect(await activeTestId()).toBe('search-input');
    await page.getByTestId('search-input').press('Enter');
    await expect.poll(activeTestId).toBe('result-count');
    const { total } = await search('dresses');
    expect(await page.getByTestId('result-count').textContent()).toBe(messages.en.results(total));
    await page.getByRole('button', { name: messages.en.language }).click();
  }, 120_000);

  it('never shows two products of one name as identical tiles', async () => {
    const byName = new Map<string, Product[]>();
    for (const product of products)
      byName.set(product.name.fr, [...(byName.get(product.name.fr) ?? []), product]);
    // The hardest case: the same name and the same brand.
    const twins = [...byName.values()].find(
      (group) => group.length > 1 && new Set(group.map((p) => p.brand)).size < group.length,
    );
    expect(twins, 'two products with one name and one brand in the demo data').toBeDefined();
    const name = twins![0]!.name.fr;
    const { ids } = await search(name);
    for (const twin of twins!) expect(ids).toContain(twin.id);
    const looks = await page.locator('[data-testid="results"] .tile').evaluateAll(
      (tiles, twinIds) =>
        tiles
          .filter((tile) => twinIds.includes(tile.getAttribute('data-product') ?? ''))
          .map(
            (tile) =>
              `${tile.querySelector('.tile-name')?.textContent} / ${tile.querySelector('.tile-brand')?.textContent}`,
          ),
      twins!.map((twin) => twin.id),
    );
    expect(looks.length).toBe(twins!.length);
    expect(new Set(looks).size, looks.join('\n')).toBe(looks.length);
  }, 60_000);
});
