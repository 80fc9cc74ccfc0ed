// A product card fits its zone at every layout size, in a real Chromium: in
// landscape and portrait screens, zones from a full screen down to a narrow
// column and a thin strip show the longest-named promoted product, and its
// price is always whole and inside the zone's box.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { StoreServer } from '@vitrine/store-server/server';
import type { Product, Promotion } from '@vitrine/shared/core';
import { launchChromium } from '../support/chromium';
import { startTestServer } from '../support/test-server';
import { publish, signIn, zonesDraft } from './head-office';

let server: StoreServer;
let browser: BrowserContext;
let screen: Page;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
  screen = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.close().catch(() => undefined);
});

/** Zones as % of the screen: every shape a layout editor can make, in one layout. */
const ZONES = [
  { id: 'half', x: 0, y: 0, width: 50, height: 50 },
  { id: 'column', x: 50, y: 0, width: 15, height: 70 },
  { id: 'quarter', x: 65, y: 0, width: 35, height: 35 },
  { id: 'small', x: 65, y: 35, width: 17.5, height: 17.5 },
  { id: 'tiny', x: 82.5, y: 35, width: 10, height: 10 },
  { id: 'wide', x: 0, y: 50, width: 50, height: 20 },
  { id: 'strip', x: 0, y: 88, width: 100, height: 12 },
  { id: 'panel', x: 0, y: 70, width: 65, height: 18 },
];
const SCREENS = [
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
  { width: 1366, height: 768 },
  { width: 768, height: 1366 },
];

/** The promoted product with the longest name: the hardest card to fit. */
function hardestProduct(): Product {
  const now = new Date().toISOString();
  const promoted = new Set(
    server.docs
      .all<Promotion>('promotions')
      .filter((promotion) => promotion.startsAt <= now && now < promotion.endsAt)
      .flatMap((promotion) => promotion.productIds),
  );
  const products = server.docs
    .all<Product>('products')
    .filter((product) => promoted.has(product.id) && product.images.length > 0);
  return products.reduce((a, b) =>
    b.name.fr.length + b.name.en.length > a.name.fr.length + a.name.en.length ? b : a,
  );
}

describe('product card layout', () => {
  it('keeps the price whole and inside its zone at every zone size, both orientations', async () => {
    const product = hardestProduct();
    const editor = await signIn(server.url, 'editor');
    const publisher = await signIn(server.url, 'publisher');
    await publish(
      server.url,
      editor,
      publisher,
      zonesDraft(
        'fit',
        ZONES.map((zone) => ({
          ...zone,
          item: {
            id: `${zone.id}-card`,
            kind: 'product',
            durationMs: 60_000,
            productId: product.id,
          },
        })),
      ),
    );
    await screen.goto(`${server.url}/signage/`);
    const cards = screen.locator('[data-layer="current"] [data-testid="card-price"]');
    await expect.poll(() => cards.count(), { timeout: 30_000 }).toBe(ZONES.length);
    await expect
      .poll(() => screen.locator('[data-layer="current"] .promo').count(), { timeout: 10_000 })
      .toBe(ZONES.length);

    for (const size of SCREENS) {
      await screen.setViewportSize(size);
      await screen.waitForFunction(
        (width) => document.querySelector('.player')?.clientWidth === width,
        size.width,
      );
      const misfits = await screen.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.zone')].flatMap((zone) => {
          const price = zone.querySelector<HTMLElement>(
            '[data-layer="current"] [data-testid="card-price"]',
          );
          if (!price) return [`${zone.dataset.testid}: no price`];
          const z = zone.getBoundingClientRect();
          const p = price.getBoundingClientRect();
          const problems: string[] = [];
          const inside =
            p.left >= z.left - 0.5 &&
            p.right <= z.right + 0.5 &&
            p.top >= z.top - 0.5 &&
            p.bottom <= z.bottom + 0.5;
          if (!inside) problems.push('outside the zone');
          if (price.scrollWidth > price.clientWidth + 1) problems.push('cut on the right');
          if (p.height < 8) problems.push(`too small (${p.height}px)`);
          // Every line of the price (old and new) is visible within its card.
          const card = price.closest<HTMLElement>('.product-card')!.getBoundingClientRect();
          for (const line of price.children) {
            const box = line.getBoundingClientRect();
            if (box.bottom > card.bottom + 0.5 || box.right > card.right + 0.5)
              problems.push(`${line.tagName} clipped`);
          }
          return problems.map((problem) => `${zone.dataset.testid}: ${problem}`);
        }),
      );
      expect({ size, misfits }).toEqual({ size, misfits: [] });
    }
  }, 60_000);
});
