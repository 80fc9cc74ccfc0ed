// What a screen shows follows the store's data live, without a new campaign,
// in a real Chromium: a price changed through the API re-renders on every card
// of that product, and a promotion that ends leaves the ticker at its end time
// (the player keeps running; nothing is republished).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { StoreServer } from '@vitrine/store-server/server';
import type { Product } from '@vitrine/shared/core';
import { launchChromium } from '../support/chromium';
import { startTestServer } from '../support/test-server';
import { call, publish, signIn, zonesDraft } from './head-office';
import { apiRoutes } from '@vitrine/shared/core';

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

const someProduct = () =>
  JSON.parse(
    server.db
      .prepare(
        `SELECT body FROM sync_docs WHERE collection = 'products' AND deleted = 0 ORDER BY id LIMIT 1`,
      )
      .pluck()
      .get() as string,
  ) as Product;

function promotion(id: string, productId: string, endsInMs: number) {
  return {
    c: 'promotions' as const,
    id,
    body: {
      id,
      productIds: [productId],
      kind: 'percent',
      value: 10,
      label: { fr: `Offre ${id}`, en: `Offer ${id}` },
      startsAt: new Date(Date.now() - 60_000).toISOString(),
      endsAt: new Date(Date.now() + endsInMs).toISOString(),
    },
  };
}

describe('live content on a playing screen', () => {
  it('re-renders a changed price on every card and drops an ended promotion from the ticker', async () => {
    const product = someProduct();
    // Only our promotions run: the price shown is the price set, the ticker is ours.
    server.docs.write(
      server.docs
        .all<{ id: string }>('promotions')
        .map((promo) => ({ c: 'promotions' as const, id: promo.id, deleted: true })),
    );
    const editor = await signIn(server.url, 'editor');
    const publisher = await signIn(server.url, 'publisher');
    const manager = await signIn(server.url, 'manager');
    const card = (id: string) => ({
      id,
      kind: 'product' as const,
      durationMs: 60_000,
      productId: product.id,
    });
    await publish(
      server.url,
      editor,
      publisher,
      zonesDraft('live', [
        { id: 'left', x: 0, y: 0, width: 50, height: 80, item: card('left-card') },
        { id: 'right', x: 50, y: 0, width: 50, height: 80, item: card('right-card') },
        {
          id: 'news',
          x: 0,
          y: 80,
          width: 100,
          height: 20,
          item: {
            id: 'offers',
            kind: 'ticker',
            durationMs: 60_000,
            text: { fr: 'À ne pas manquer', en: 'Do not miss' },
            promotions: true,
          },
        },
      ]),
    );
    await screen.goto(`${server.url}/signage/`);
    const prices = () =>
      screen
        .locator('[data-layer="current"] [data-testid="card-price"]')
        .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-cents')));
    await expect
      .poll(prices, { timeout: 30_000 })
      .toEqual([String(product.priceCents), String(product.priceCents)]);

    // A price change through the API, no campaign touched: both cards show it.
    const newPrice = product.priceCents + 1_234;
    const changed = await call(server.url, manager, apiRoutes.stock.setPrice, {
      params: { id: product.id },
      body: {
        priceCents: newPrice,
      },
    });
    expect(changed.status).toBe(200);
    await expect.poll(prices, { timeout: 10_000 }).toEqual([String(newPrice), String(newPrice)]);
    const shown = await screen.getByTestId('card-price').first().textContent();
    expect(shown?.replace(/\s/g, '')).toContain(
      new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' })
        .format(newPrice / 100)
        .replace(/\s/g, ''),
    );
    expect(server.docs.get<{ revision: number }>('campaigns', 'live')).toBeDefined();
    // Bad input is a clear 400; an editor may not change prices.
    expect(
      (
        await call(server.url, manager, apiRoutes.stock.setPrice, {
          params: { id: product.id },
          body: { priceCents: -1 },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await call(server.url, editor, apiRoutes.stock.setPrice, {
          params: { id: product.id },
          body: { priceCents: 1 },
        })
      ).status,
    ).toBe(403);

    // Two promotions run; one ends a few seconds from now while the screen plays on.
    server.docs.write([
      promotion('ending-soon', product.id, 8_000),
      promotion('running-on', product.id, 86_400_000),
    ]);
    const ticker = screen.locator('[data-layer="current"] [data-testid="ticker"]');
    await expect
      .poll(() => ticker.getAttribute('data-promotions'), { timeout: 10_000 })
      .toBe('ending-soon running-on');
    expect(await ticker.textContent()).toContain('Offre ending-soon');
    expect(await ticker.textContent()).toContain('Offre running-on');
    await expect
      .poll(() => ticker.getAttribute('data-promotions'), { timeout: 15_000 })
      .toBe('running-on');
    expect(await ticker.textContent()).toBe('À ne pas manquer · Offre running-on');
    // The cards now show the promotion still running, on the new price.
    const promoted = String(Math.round(newPrice * 0.9));
    await expect.poll(prices, { timeout: 5_000 }).toEqual([promoted, promoted]);
    expect(await screen.locator('[data-layer="current"] .promo').first().textContent()).toBe(
      'Offre running-on',
    );
  }, 60_000);
});
