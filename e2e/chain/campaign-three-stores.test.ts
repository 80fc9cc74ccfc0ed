// One campaign published at head office reaches a signage screen in each of three stores: the
// chain `npm run chain` starts (its own start function, in a temporary directory on free ports),
// the real signage player page of each store in Chromium, and head office's own publish path.
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { chainCampaign, publishChainCampaign } from '../../head-office/src/chain/chain-campaign';
import {
  CHAIN_CAMPAIGN_TEXT,
  startChain,
  type RunningChain,
} from '../../head-office/src/chain/start-chain';
import { launchChromium } from '../support/chromium';
import { REPO_ROOT } from '../support/test-server';

const base = mkdtempSync(join(tmpdir(), 'vitrine-chain-campaign-'));
chmodSync(base, 0o755); // PostgreSQL runs as user postgres
let chain: RunningChain | undefined;
let browser: BrowserContext | undefined;

beforeAll(async () => {
  const started = Date.now();
  // Small catalogues: three stores seed at once on a shared machine.
  chain = await startChain({
    repoRoot: REPO_ROOT,
    dir: join(base, 'chain'),
    basePort: 0,
    demoScale: 100,
  });
  console.log(`chain up in ${Date.now() - started} ms`);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await chain?.stop();
  rmSync(base, { recursive: true, force: true });
});

const tickerText = (page: Page) =>
  page
    .getByTestId('ticker')
    .first()
    .textContent({ timeout: 1_000 })
    .catch(() => null);

/** Whether the ticker's words, as laid out now, lie wholly inside the viewport. */
const wordsOnScreen = (page: Page, text: string) =>
  page.evaluate((words) => {
    const span = document.querySelector('[data-testid="ticker"] span');
    const node = span?.firstChild;
    if (!node?.textContent?.includes(words)) return false;
    const range = document.createRange();
    const start = node.textContent.indexOf(words);
    range.setStart(node, start);
    range.setEnd(node, start + words.length);
    const box = range.getBoundingClientRect();
    return (
      box.width > 0 &&
      box.left >= 0 &&
      box.right <= innerWidth &&
      box.top >= 0 &&
      box.bottom <= innerHeight
    );
  }, text);

describe('a campaign published at head office', () => {
  it('shows on a signage screen in each of three stores', async () => {
    const stores = chain!.endpoints.stores;
    expect(stores).toHaveLength(3);
    // Each store's screen first plays the campaign the chain started with.
    const screens = await Promise.all(
      stores.map(async (store) => {
        const page = await browser!.newPage();
        await page.goto(store.signage);
        await expect
          .poll(() => tickerText(page), { timeout: 60_000 })
          .toContain(CHAIN_CAMPAIGN_TEXT);
        return { store, page };
      }),
    );

    const text = `Soldes de la chaîne ${new Date().toISOString().slice(11, 19)}`;
    const published = Date.now();
    const publication = await publishChainCampaign(
      chain!.endpoints.postgres.url,
      join(chain!.endpoints.dir, 'hq', 'data'),
      chainCampaign(text),
    );
    expect(publication.audience).toBe('all');
    await Promise.all(
      screens.map(async ({ store, page }) => {
        await expect.poll(() => tickerText(page), { timeout: 60_000 }).toContain(text);
        console.log(`${store.id}: publish → showing in ${Date.now() - published} ms`);
        // On screen, not only in the page: the ticker scrolls in from the right, so wait until the
        // words themselves (their glyphs, not the padded span) lie inside the viewport.
        await expect
          .poll(() => wordsOnScreen(page, text), { timeout: 30_000, interval: 200 })
          .toBe(true);
        const file = join(tmpdir(), `vitrine-chain-signage-${store.id}.png`);
        await page.screenshot({ path: file });
        expect(statSync(file).size).toBeGreaterThan(0);
        console.log(`${store.id}: screenshot ${file}`);
      }),
    );
  }, 150_000);
});
