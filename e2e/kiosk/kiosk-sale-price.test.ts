// One price everywhere, in a real Chromium: a product with a sale running
// (from the feed's sale_price, stored as Product.sale) shows the same sale
// price, its regular price struck, on the kiosk's product page and on a
// signage card and on its search tile; a product whose variants cost
// different amounts reads "à partir de" its lowest price on all three, and the
// kiosk gives a chosen variant its own price. Amounts are written by Node's Intl (the same ICU
// data as Chromium) from the documents the server holds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { formatMoney, makeGtin13, type Product } from '@vitrine/shared/core';
import { messages } from '@vitrine/shared/ui';
import type { StoreServer } from '@vitrine/store-server/server';
import { launchChromium } from '../support/chromium';
import { startTestServer } from '../support/test-server';
import { publish, signIn, zonesDraft } from '../signage/head-office';
import { waitForResults, waitForSync } from './kiosk-page';

const DAY = 86_400_000;
const euros = (cents: number) => formatMoney(cents, 'EUR', 'fr-FR');
const gtinOf = (body12: string) => `0${makeGtin13(body12)}`;

function product(id: string, name: string, extra: Partial<Product>): Product {
  return {
    id,
    name: { fr: name, en: name },
    brand: 'Vitrine',
    department: 'maison',
    categoryPath: [{ fr: 'Maison', en: 'Home' }],
    description: { fr: '', en: '' },
    priceCents: 0,
    images: [],
    tags: [],
    variants: [],
    complementary: [],
    attributes: [],
    ...extra,
  };
}

const lampCode = gtinOf('376999999801');
/** On sale from yesterday to tomorrow: 40,00 € → 29,90 €. */
const lamp = product('sale-lamp', 'Lampe soldée', {
  gtin: lampCode,
  priceCents: 4_000,
  sale: {
    priceCents: 2_990,
    startsAt: new Date(Date.now() - DAY).toISOString(),
    endsAt: new Date(Date.now() + DAY).toISOString(),
  },
  variants: [{ id: 'sale-lamp-1', gtin: lampCode }],
});
const teeCode = gtinOf('376999999802');
/** Two sizes at two prices: "à partir de 15,00 €"; XL costs 18,00 €. */
const tee = product('from-tee', 'T-shirt deux prix', {
  gtin: teeCode,
  priceCents: 1_500,
  variants: [
    { id: 'from-tee-s', gtin: gtinOf('376999999803'), size: 'S' },
    { id: 'from-tee-xl', gtin: gtinOf('376999999804'), size: 'XL', priceCents: 1_800 },
  ],
});

let server: StoreServer;
let browser: BrowserContext;
let kiosk: Page;
let screen: Page;

beforeAll(async () => {
  server = await startTestServer();
  server.catalogue.upsertProduct(lamp);
  server.catalogue.upsertProduct(tee);
  const editor = await signIn(server.url, 'editor');
  const publisher = await signIn(server.url, 'publisher');
  const card = (zone: string, x: number, productId: string) => ({
    id: zone,
    x,
    y: 0,
    width: 50,
    height: 100,
    item: { id: `${zone}-card`, kind: 'product' as const, durationMs: 60_000, productId },
  });
  await publish(
    server.url,
    editor,
    publisher,
    zonesDraft('one-price', [card('left', 0, lamp.id), card('right', 50, tee.id)]),
  );
  browser = await launchChromium();
  kiosk = await browser.newPage();
  await kiosk.goto(`${server.url}/kiosk/`);
  await waitForSync(kiosk, server);
  screen = await browser.newPage();
  await screen.goto(`${server.url}/signage/`);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The kiosk's product page for a scanned code (typed as a scanner would). */
async function scan(code: string, name: string): Promise<Locator> {
  await kiosk.getByTestId('code-input').fill(code.slice(1));
  await kiosk.getByTestId('code-input').press('Enter');
  await expect.poll(() => kiosk.locator('#product-name').textContent()).toBe(name);
  return kiosk.getByTestId('price');
}

/** A signage card's price once its product has synced to the screen. */
async function cardPrice(productId: string): Promise<Locator> {
  const price = screen.locator(
    `[data-layer="current"] [data-product-id="${productId}"] [data-testid="card-price"]`,
  );
  await expect.poll(() => price.count(), { timeout: 45_000 }).toBe(1);
  return price;
}

describe('one price on every screen', () => {
  it('shows a running sale the same on the kiosk page and the signage card', async () => {
    const page = await scan(lampCode, lamp.name.fr);
    expect(await page.getAttribute('data-cents')).toBe('2990');
    expect(await page.getAttribute('data-sale')).toBe('true');
    expect(await page.locator('strong').textContent()).toBe(euros(2_990));
    expect(await page.locator('s').textContent()).toBe(euros(4_000));
    expect(await page.textContent()).toContain(messages.fr.fromPrice);

    const card = await cardPrice(lamp.id);
    expect(await card.getAttribute('data-cents')).toBe('2990');
    expect(await card.getAttribute('data-sale')).toBe('true');
    expect(await card.locator('span').textContent()).toBe(euros(2_990));
    expect(await card.locator('s').textContent()).toBe(euros(4_000));
  });

  it('says "à partir de" the lowest price when variants differ, and a chosen one its own', async () => {
    const from = messages.fr.priceFrom(euros(1_500));
    const card = await cardPrice(tee.id);
    expect(await card.getAttribute('data-from')).toBe('true');
    expect(await card.locator('span').textContent()).toBe(from);
    expect(await card.locator('s').count()).toBe(0);

    await kiosk.getByRole('button', { name: messages.fr.home }).click();
    const page = await scan(teeCode, tee.name.fr);
    await expect.poll(() => page.getAttribute('data-from')).toBe('true');
    expect(await page.locator('strong').textContent()).toBe(from);
    await kiosk.locator('[data-axis="size"] button[data-value="XL"]').click();
    await expect.poll(() => page.locator('strong').textContent()).toBe(euros(1_800));
    expect(await page.getAttribute('data-from')).toBe('false');
    await kiosk.locator('[data-axis="size"] button[data-value="S"]').click();
    await expect.poll(() => page.locator('strong').textContent()).toBe(euros(1_500));
  });

  it('prices the search tiles the same way', async () => {
    await kiosk.getByRole('button', { name: messages.fr.home }).click();
    await kiosk.getByTestId('search-button').click();
    const tilePrice = async (query: string, productId: string) => {
      await kiosk.getByTestId('search-input').fill(query);
      await waitForResults(kiosk, query);
      return kiosk.locator(`[data-product="${productId}"] .tile-price`).textContent();
    };
    expect(await tilePrice('Lampe soldée', lamp.id)).toBe(euros(2_990));
    expect(await tilePrice('T-shirt deux prix', tee.id)).toBe(messages.fr.priceFrom(euros(1_500)));
  });
});
