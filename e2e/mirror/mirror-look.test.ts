// The mirror as a shopper in the fitting room sees it, in a real Chromium at
// 1080×1920 (the common mirror) and 1920×1080: text and touch targets sized in
// millimetres on the configured screen, the store's brand theme, no sideways
// scrolling, the garment's name on whole lines (not one word per line), price
// and stock in the first screen; sizes and colours chosen in the picker ask
// staff for that exact variant and show its stock here, an option out here
// says so in words; axe-core clean in French and English.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { apiClient, apiRoutes, type ProductStock } from '@vitrine/shared/core';
import type { StoreServer } from '@vitrine/store-server/server';
import { launchChromium } from '../support/chromium';
import { startTestServer } from '../support/test-server';
import { seriousViolations, smallTargets, waitForSync, wedgeScan } from '../kiosk/kiosk-page';
import { chooseVariant, demoGarment, eventually, type Garment } from './mirror-page';

let server: StoreServer;
let browser: BrowserContext;
let page: Page;
let garment: Garment;

const PORTRAIT = { width: 1080, height: 1920 };
const LANDSCAPE = { width: 1920, height: 1080 };

/** The sizing rule, worked out here from the screen: 10 mm to the em, targets of at least 15 mm. */
function expectedSizes(screen: { width: number; height: number }, inches: number) {
  const pxPerMm = Math.hypot(screen.width, screen.height) / (inches * 25.4);
  return { bodyPx: Math.round(10 * pxPerMm), minTouchPx: 15 * pxPerMm };
}

beforeAll(async () => {
  server = await startTestServer();
  garment = demoGarment(server, true);
  browser = await launchChromium();
  page = await browser.newPage();
  page.setDefaultTimeout(15_000);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openMirror(viewport: { width: number; height: number }, query = '') {
  await page.setViewportSize(viewport);
  await page.goto(`${server.url}/mirror/?room=Cabine%203${query}`);
  await waitForSync(page, server);
  // After a navigation, key events go nowhere until the page has focus.
  await page.locator('h1.brand').click();
  await wedgeScan(page, garment.variantGtin.replace(/^0/, ''), 'qwerty');
  await eventually(() => page.locator('#garment-name').textContent()).toBe(garment.nameFr);
}

/** How the garment's name lays out: its width, its words and the lines they fall on. */
function nameLayout() {
  return page.locator('#garment-name').evaluate((heading) => {
    const text = heading.firstChild;
    const tops = new Set<number>();
    let words = 0;
    if (text?.nodeType === Node.TEXT_NODE) {
      const range = document.createRange();
      for (const match of (text.textContent ?? '').matchAll(/\S+/g)) {
        range.setStart(text, match.index);
        range.setEnd(text, match.index + match[0].length);
        tops.add(Math.round(range.getClientRects()[0]?.top ?? 0));
        words += 1;
      }
    }
    return { width: heading.getBoundingClientRect().width, words, lines: tops.size };
  });
}

function stockHere(variantId: string): number {
  const body = server.db
    .prepare(`SELECT body FROM sync_docs WHERE collection = 'stock' AND id = ?`)
    .pluck()
    .get(garment.id) as string;
  const stock = JSON.parse(body) as ProductStock;
  const level = stock.levels.find((l) => l.locationId === server.config.storeId);
  return level?.quantities[variantId] ?? 0;
}

async function staffRequests() {
  const staff = apiClient(apiRoutes, {
    baseUrl: server.url,
    authorization: () => `Bearer ${server.adminToken}`,
  });
  return (await staff.requests.queue()).requests;
}

describe('mirror look', () => {
  it('sizes text and touch targets from the configured screen, in both orientations', async () => {
    for (const viewport of [PORTRAIT, LANDSCAPE]) {
      for (const inches of [32, 43]) {
        await openMirror(viewport, `&screenInches=${inches}`);
        const { bodyPx, minTouchPx } = expectedSizes(viewport, inches);
        await eventually(() => page.evaluate(() => getComputedStyle(document.body).fontSize)).toBe(
          `${bodyPx}px`,
        );
        expect(await smallTargets(page, '[data-testid="mirror"]', minTouchPx)).toEqual([]);
      }
    }
  });

  it('wears the store’s brand theme: its name, logo and colours', async () => {
    await openMirror(PORTRAIT);
    expect(await page.getByTestId('mirror').getAttribute('data-brand')).toBe('Maison Vitrine');
    expect(await page.locator('h1.brand').textContent()).toContain('Maison Vitrine');
    await eventually(() =>
      page
        .locator('h1.brand img')
        .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
    ).toBe(true);
    expect(
      await page
        .getByTestId('share-button')
        .evaluate((button) => getComputedStyle(button).backgroundColor),
    ).toBe('rgb(31, 77, 58)'); // the demo theme's accent, #1f4d3a
  });

  it('lays the garment out for the screen: no sideways scroll, its name on whole lines, price and stock first', async () => {
    for (const viewport of [PORTRAIT, LANDSCAPE]) {
      await openMirror(viewport);
      expect(
        await page.evaluate(
          () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
        ),
      ).toBe(true);
      const name = await nameLayout();
      expect(name.words).toBeGreaterThan(2);
      // A heading a fifth of the screen wide at least, and never a word per line.
      expect(name.width).toBeGreaterThan(viewport.width * 0.2);
      expect(name.lines).toBeLessThanOrEqual(Math.ceil(name.words / 2));
      for (const testId of ['price', 'stock-here', 'variant-stock']) {
        const box = (await page.getByTestId(testId).boundingBox())!;
        expect(box.y + box.height).toBeLessThan(viewport.height * 0.8);
      }
    }
  });

  it('chooses a size and a colour, shows that variant’s stock and asks staff for exactly it', async () => {
    await openMirror(PORTRAIT);
    const sizes = page.locator('[data-axis="size"] button');
    const colours = page.locator('[data-axis="colour"] button');
    // One chip per size and one swatch per colour, not one per size × colour.
    expect(await sizes.count()).toBeLessThan(garment.variantCount);
    expect((await sizes.count()) * (await colours.count())).toBe(garment.variantCount);
    expect(await colours.first().locator('.variant-swatch').count()).toBe(1);
    expect(await page.getByTestId('ask-size').isDisabled()).toBe(true);

    await chooseVariant(page, garment.otherSize, garment.otherColour);
    const shown = page.getByTestId('variant-stock');
    expect(await shown.getAttribute('data-variant')).toBe(garment.otherId);
    expect(await shown.getAttribute('data-gtin')).toBe(garment.otherGtin);
    const units = stockHere(garment.otherId);
    expect(await shown.textContent()).toContain(
      `${garment.otherSize} · ${garment.otherColour} · ${units > 0 ? 'En stock ici' : 'Pas en stock ici'}\u202f: ${units}`,
    );
    await page.getByTestId('ask-size').click();
    await eventually(async () =>
      (await staffRequests()).find((r) => r.type === 'size' && r.productId === garment.id),
    ).toMatchObject({ variantId: garment.otherId, place: 'Cabine 3' });
  });

  it('says in words when a size is out here, and names colours in the shopper’s language', async () => {
    await openMirror(PORTRAIT);
    // The size asked for is sold out here: a sync brings the new stock.
    const body = server.db
      .prepare(`SELECT body FROM sync_docs WHERE collection = 'stock' AND id = ?`)
      .pluck()
      .get(garment.id) as string;
    const stock = JSON.parse(body) as ProductStock;
    for (const level of stock.levels)
      if (level.locationId === server.config.storeId) level.quantities[garment.otherId] = 0;
    server.docs.write([{ c: 'stock', id: garment.id, body: stock }]);
    await waitForSync(page, server);
    await page.locator(`[data-axis="colour"] button[data-value="${garment.otherColour}"]`).click();
    const out = page.locator(`[data-axis="size"] button[data-value="${garment.otherSize}"]`);
    await eventually(() => out.textContent()).toBe(`${garment.otherSize}Épuisé ici`);
    expect(
      await page.getByRole('button', { name: `${garment.otherSize} Épuisé ici` }).count(),
    ).toBe(1);
    await out.click();
    await eventually(() => page.getByTestId('variant-stock').textContent()).toContain(
      'Pas en stock ici\u202f: 0',
    );
    await page.getByTestId('lang-button').click();
    await eventually(() => out.textContent()).toBe(`${garment.otherSize}Sold out here`);
    // The colour's English name, from the catalogue (Bordeaux is Burgundy in English).
    const english = server.db
      .prepare(
        `SELECT json_extract(v.value, '$.colourName.en') FROM sync_docs p, json_each(p.body, '$.variants') v
         WHERE p.collection = 'products' AND p.id = ? AND json_extract(v.value, '$.id') = ?`,
      )
      .pluck()
      .get(garment.id, garment.otherId) as string;
    const colour = page.locator(`[data-axis="colour"] button[data-value="${garment.otherColour}"]`);
    expect(await colour.locator('.variant-chip-label').textContent()).toBe(english);
    expect(await page.getByTestId('variant-stock').textContent()).toBe(
      `${garment.otherSize} · ${english} · Not in stock here: 0`,
    );
  });

  it('has no serious accessibility violations in French and English, in both orientations', async () => {
    for (const viewport of [PORTRAIT, LANDSCAPE]) {
      await openMirror(viewport);
      await chooseVariant(page, garment.otherSize, garment.otherColour);
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByTestId('lang-button').click();
      await eventually(() => page.getByTestId('mirror').getAttribute('lang')).toBe('en');
      expect(await seriousViolations(page)).toEqual([]);
    }
  });
});
