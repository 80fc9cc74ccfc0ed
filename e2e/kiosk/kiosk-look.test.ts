// The kiosk as a shopper and staff see it, in a real Chromium at 1080×1920 and
// 1920×1080: the store's brand theme, text and touch targets sized for the
// screen, pictures in results and on the product page, each language's
// typography, the attract loop's prices, nothing engineering-shaped on the
// shopper's screen, the staff overlay (PIN and badge, axe-core in fr and en),
// and the help panel with the store server stopped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { Promotion } from '@vitrine/shared/core';
import { hasSpecLabel, specLabel } from '@vitrine/shared/ui';
import type { StoreServer } from '@vitrine/store-server/server';
import { DEMO_STAFF_BADGE, DEMO_STAFF_PIN } from '@vitrine/store-server/settings';
import { launchChromium } from '../support/chromium';
import { startTestServer } from '../support/test-server';
import {
  demoProduct,
  seriousViolations,
  smallTargets,
  waitForSync,
  wedgeScan,
  type DemoProduct,
} from './kiosk-page';

let server: StoreServer;
let browser: BrowserContext;
let page: Page;
let product: DemoProduct;

// A 32-inch 1080×1920 screen: 2.71 px/mm, so 27 px text and 61 px (22.5 mm) targets.
const BODY_PX = 27;
const TOUCH_PX = 61;

beforeAll(async () => {
  server = await startTestServer();
  product = demoProduct(server);
  browser = await launchChromium();
  page = await browser.newPage();
  await page.setViewportSize({ width: 1080, height: 1920 });
  await page.goto(`${server.url}/kiosk/`);
  await waitForSync(page, server);
});
afterAll(async () => {
  await browser?.close();
  await server?.close().catch(() => undefined);
});

const productName = () => page.getByTestId('product').locator('h2').textContent();
const tapBrand = async () => {
  for (let i = 0; i < 5; i++) await page.getByTestId('brand').click();
};
const pinPad = () => page.getByRole('dialog', { name: 'Code du personnel' });
/** Taps a PIN on the pad; the pad takes no digit while it checks the previous PIN. */
const typePin = async (pin: string) => {
  const pad = pinPad();
  for (const digit of pin) await pad.getByRole('button', { name: digit, exact: true }).click();
  await pad.getByRole('button', { name: 'Valider' }).click();
};

async function openProduct(lang: 'fr' | 'en' = 'fr') {
  await page.getByTestId('code-input').fill(product.gtin.slice(1));
  await page.getByTestId('code-input').press('Enter');
  await expect.poll(productName).toBe(lang === 'fr' ? product.nameFr : product.nameEn);
}

function imageLoaded(selector: string) {
  return page.evaluate((selector) => {
    const image = document.querySelector<HTMLImageElement>(selector);
    return image ? image.complete && image.naturalWidth > 0 : false;
  }, selector);
}

function promotion(id: string, kind: Promotion['kind'], value: number): Promotion {
  const day = 86_400_000;
  return {
    id,
    productIds: [product.id],
    kind,
    value,
    label: { fr: `-${value} %`, en: `${value}% off` },
    startsAt: new Date(Date.now() - day).toISOString(),
    endsAt: new Date(Date.now() + day).toISOString(),
  };
}

describe('kiosk look', () => {
  it('wears the store’s brand theme from its configuration', async () => {
    const kiosk = page.getByTestId('kiosk');
    expect(await kiosk.getAttribute('data-theme')).toBe('Maison Vitrine');
    expect(await page.getByTestId('brand').textContent()).toBe('Maison Vitrine');
    expect(await imageLoaded('[data-testid="brand"] img')).toBe(true);
    const home = page.getByRole('button', { name: 'Appeler un vendeur' });
    expect(await home.evaluate((button) => getComputedStyle(button).backgroundColor)).toBe(
      'rgb(31, 77, 58)', // the demo theme's accent, #1f4d3a
    );
  });

  it('sizes text and touch targets for the screen, in both orientations', async () => {
    for (const viewport of [
      { width: 1080, height: 1920 },
      { width: 1920, height: 1080 },
    ]) {
      await page.setViewportSize(viewport);
      await openProduct();
      await expect
        .poll(() => page.evaluate(() => getComputedStyle(document.body).fontSize))
        .toBe(`${BODY_PX}px`);
      expect(await smallTargets(page, '[data-testid="kiosk"]', TOUCH_PX)).toEqual([]);
      // Price and stock come before the rest: both in the first screen.
      for (const testId of ['price', 'stock-here']) {
        const box = (await page.getByTestId(testId).boundingBox())!;
        expect(box.y + box.height).toBeLessThan(viewport.height * 0.75);
      }
      await page.getByTestId('search-button').click();
      await page.getByTestId('search-input').fill(product.nameFr);
      await page.locator('[data-testid="results"] .tile').first().waitFor();
      expect(await smallTargets(page, '[data-testid="kiosk"]', TOUCH_PX)).toEqual([]);
    }
    await page.setViewportSize({ width: 1080, height: 1920 });
  });

  it('shows product pictures in search results and on the product page', async () => {
    await page.getByTestId('search-button').click();
    await page.getByTestId('search-input').fill(product.nameFr);
    await expect.poll(() => imageLoaded('[data-testid="results"] img.tile-image')).toBe(true);
    await openProduct();
    await expect.poll(() => imageLoaded('[data-testid="product"] .gallery img')).toBe(true);
    // Shown whole, never cropped to the frame (a cropped packshot lost its label's edges).
    expect(
      await page
        .locator('[data-testid="product"] .gallery img')
        .first()
        .evaluate((img) => getComputedStyle(img).objectFit),
    ).toBe('contain');
  });

  it('writes French typography in French and English in English', async () => {
    await openProduct();
    await expect
      .poll(() => page.getByTestId('stock-here').textContent())
      .toMatch(/^En stock ici\u202f: [1-9]\d*/);
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(productName).toBe(product.nameEn);
    await expect
      .poll(() => page.getByTestId('stock-here').textContent())
      .toMatch(/^In stock here: [1-9]\d*/);
    await page.getByRole('button', { name: 'Français' }).click();
  });

  it('draws its icons as SVG, never as emoji a kiosk without an emoji font shows as boxes', async () => {
    await openProduct();
    // Emoji pictographs (U+1F300–1FAFF, U+2600–27BF) depend on an emoji font.
    const pictographs = /[\u{1F300}-\u{1FAFF}\u{2600}-\u{27BF}]/u;
    expect(await page.getByTestId('kiosk').innerText()).not.toMatch(pictographs);
    for (const id of ['camera-button', 'search-button']) {
      expect(await page.getByTestId(id).locator('svg').count()).toBe(1);
    }
  });

  it('names technical specs in the screen’s language, never by their data key', async () => {
    const keys = server.db
      .prepare(
        `SELECT DISTINCT json_extract(attribute.value, '$.key')
         FROM sync_docs p, json_each(p.body, '$.attributes') attribute
         WHERE p.collection = 'products'`,
      )
      .pluck()
      .all() as string[];
    expect(keys.filter((key) => !hasSpecLabel(key))).toEqual([]);
    const gadget = server.db
      .prepare(
        `SELECT json_extract(body, '$.gtin') AS gtin, json_extract(body, '$.attributes') AS specs
         FROM sync_docs WHERE collection = 'products'
           AND json_array_length(body, '$.attributes') > 0
           AND json_array_length(body, '$.variants') = 1 AND json_type(body, '$.variants[0].size') IS NULL AND json_type(body, '$.variants[0].colour') IS NULL ORDER BY id LIMIT 1`,
      )
      .get() as { gtin: string; specs: string };
    const specKeys = (JSON.parse(gadget.specs) as { key: string }[]).map((row) => row.key);
    const rowNames = () => page.locator('.facts table th[scope="row"]').allTextContents();
    await page.getByTestId('code-input').fill(gadget.gtin.slice(1));
    await page.getByTestId('code-input').press('Enter');
    await expect.poll(rowNames).toEqual(specKeys.map((key) => specLabel(key, 'fr')));
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(rowNames).toEqual(specKeys.map((key) => specLabel(key, 'en')));
    await page.getByRole('button', { name: 'Français' }).click();
  });

  it('keeps revisions, queues and sync state off the shopper’s screen', async () => {
    await openProduct();
    const text = await page.getByTestId('kiosk').innerText();
    expect(text).not.toMatch(/\brev\b|évènement|pending|hors ligne|offline|\d+\/\d+/i);
    expect(await page.getByTestId('sync-status').isVisible()).toBe(false);
  });

  it('opens the staff overlay with the staff PIN, not a wrong one; axe-clean in French', async () => {
    const pad = pinPad();
    await tapBrand();
    await pad.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await typePin('000000');
    await expect.poll(() => pad.getByRole('alert').textContent()).toBe('Code incorrect.');
    await typePin(DEMO_STAFF_PIN);
    const overlay = page.getByRole('dialog', { name: 'Espace personnel' });
    await overlay.waitFor();
    const head = String(server.docs.head());
    await expect
      .poll(() => overlay.getByTestId('diagnostic-revision').textContent())
      .toMatch(new RegExp(`${head} / ${head}$`));
    expect(await overlay.getByTestId('diagnostic-link').textContent()).toContain('en ligne');
    expect(await overlay.getByTestId('diagnostic-touch').textContent()).toContain(`${TOUCH_PX} px`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => overlay.count()).toBe(0);
  });

  it('opens it with a staff badge scan, in English, axe-clean', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await wedgeScan(page, DEMO_STAFF_BADGE, 'qwerty');
    const overlay = page.getByRole('dialog', { name: 'Staff panel' });
    await overlay.waitFor();
    expect(await overlay.getByTestId('diagnostic-link').textContent()).toContain('online');
    expect(await seriousViolations(page)).toEqual([]);
    await overlay.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => overlay.count()).toBe(0);
    // Not a badge of this store: the scan is read as a code, the overlay stays shut.
    await wedgeScan(page, 'STAFF0000043', 'qwerty');
    await page.getByTestId('scan-notice').waitFor();
    expect(await overlay.count()).toBe(0);
    await page.getByRole('button', { name: 'Français' }).click();
  });

  it('lets a staff badge in while a shopper’s wrong PINs make the pad wait', async () => {
    await tapBrand();
    const pad = pinPad();
    await pad.waitFor();
    for (let i = 0; i < 5; i++) await typePin('000000');
    await expect
      .poll(() => pad.getByRole('alert').textContent())
      .toBe('Trop d’essais. Réessayez dans 1\u00a0min.');
    await page.keyboard.press('Escape');
    await expect.poll(() => pad.count()).toBe(0);
    await wedgeScan(page, DEMO_STAFF_BADGE, 'qwerty');
    const overlay = page.getByRole('dialog', { name: 'Espace personnel' });
    await overlay.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => overlay.count()).toBe(0);
  });

  it('never shows a discount badge beside an undiscounted price in the attract loop', async () => {
    // The loop is on screen before the promotions arrive (as on a first start): it shows them live.
    await page.getByRole('button', { name: 'Accueil' }).click();
    await page.getByTestId('attract').waitFor();
    server.docs.write([
      { c: 'promotions', id: '0-look-percent', body: promotion('0-look-percent', 'percent', 20) },
      { c: 'promotions', id: '0-look-zero', body: promotion('0-look-zero', 'percent', 0) },
    ]);
    await waitForSync(page, server);
    const slide = page.getByTestId('attract-slide');
    await expect
      .poll(() => slide.getAttribute('data-promotion'), { timeout: 20_000 })
      .toBe('0-look-percent');
    const full = server.catalogue.productByCode(product.gtin)!.priceCents;
    const euros = (cents: number) =>
      new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(cents / 100);
    const price = await slide.getByTestId('attract-price').textContent();
    expect(price).toContain(euros(Math.round(full * 0.8)));
    expect(price).toContain(`au lieu de ${euros(full)}`);
    expect(await slide.getByTestId('attract-badge').textContent()).toBe('-20 %');
    // A 0 % "reduction" is no offer: the price alone, no badge.
    await expect
      .poll(() => slide.getAttribute('data-promotion'), { timeout: 20_000 })
      .toBe('0-look-zero');
    expect(await slide.getByTestId('attract-badge').count()).toBe(0);
    expect(await slide.getByTestId('attract-price').textContent()).toBe(euros(full));
  });

  // A reload with the server gone and a rebuilt local session: slow on a loaded machine.
  it(
    'offers the help panel (questions and a staff call) with the store server stopped',
    { timeout: 90_000 },
    async () => {
      // The offline shell is installed (the service worker answers the reload).
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });
      await server.close();
      await page.reload();
      await page.getByTestId('kiosk').waitFor({ timeout: 20_000 });
      await openProduct();
      const help = page.getByTestId('help-fallback');
      await help.waitFor();
      await help.getByText('Questions fréquentes').click();
      expect(await help.locator('details p').count()).toBeGreaterThan(0);
      await help.getByRole('button', { name: 'Appeler un vendeur' }).click();
      await expect.poll(() => help.getByRole('status').textContent()).toBe('Un vendeur arrive.');
    },
  );
});
