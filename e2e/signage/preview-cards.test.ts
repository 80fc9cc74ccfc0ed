// The head-office preview's product cards over the real HTTP API: this store's
// live price, running promotion (an amount in cents, a percentage) and stock,
// for editors and publishers only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { signInThroughConsole } from '../support/console-page';
import { PreviewCards, type Product, type ProductStock, apiRoutes } from '@vitrine/shared/core';
import type { StoreServer } from '@vitrine/store-server/server';
import { fetchRoute } from '../support/route-fetch';
import { startTestServer } from '../support/test-server';
import { call, signIn } from './head-office';

let server: StoreServer;
let editor: string;

beforeAll(async () => {
  server = await startTestServer();
  editor = await signIn(server.url, 'editor');
});
afterAll(async () => {
  await server?.close();
});

const products = () =>
  server.db
    .prepare(
      `SELECT body FROM sync_docs WHERE collection = 'products' AND deleted = 0
       AND json_extract(body, '$.priceCents') > 2000 ORDER BY id LIMIT 2`,
    )
    .pluck()
    .all()
    .map((body) => JSON.parse(body as string) as Product);

function promote(id: string, productId: string, kind: 'amount' | 'percent', value: number) {
  const day = 86_400_000;
  server.docs.write([
    {
      c: 'promotions',
      id,
      body: {
        id,
        productIds: [productId],
        kind,
        value,
        label: { fr: `Promo ${id}`, en: `Deal ${id}` },
        startsAt: new Date(Date.now() - day).toISOString(),
        endsAt: new Date(Date.now() + day).toISOString(),
      },
    },
  ]);
}

describe('head-office preview cards', () => {
  it("shows this store's price after the running promotion, and its stock", async () => {
    const [lamp, sofa] = products();
    if (!lamp || !sofa) throw new Error('no demo products over 20 €');
    promote('preview-amount', lamp.id, 'amount', 500);
    promote('preview-percent', sofa.id, 'percent', 20);
    const answer = await call(server.url, editor, apiRoutes.campaigns.preview, {
      query: { ids: `${lamp.id},${sofa.id},no-such-product` },
    });
    expect(answer.status).toBe(200);
    const { cards } = PreviewCards.parse(answer.body);
    expect(cards.map((card) => card.id)).toEqual([lamp.id, sofa.id]);
    expect(cards[0]).toMatchObject({
      priceCents: lamp.priceCents,
      promotedPriceCents: lamp.priceCents - 500, // 5 € off: the amount is in cents
      promotion: { fr: 'Promo preview-amount', en: 'Deal preview-amount' },
    });
    expect(cards[1]?.promotedPriceCents).toBe(Math.round(sofa.priceCents * 0.8));
    const stock = server.docs.get<ProductStock>('stock', lamp.id);
    const here = stock?.levels.find((level) => level.locationId === server.config.storeId);
    const units = here ? Object.values(here.quantities).reduce((a, b) => a + b, 0) : null;
    expect(cards[0]?.stockHere).toBe(units);
  });

  it('answers editors and publishers only, and refuses bad ids', async () => {
    const kiosk = server.demoDevices?.get('kiosk');
    const asKiosk = await fetchRoute(server.url, apiRoutes.campaigns.preview, {
      query: { ids: 'a' },
      token: `${kiosk?.deviceId}.${kiosk?.secret}`,
    });
    expect(asKiosk.status).toBe(401);
    const staff = await signIn(server.url, 'staff');
    expect(
      (await call(server.url, staff, apiRoutes.campaigns.preview, { query: { ids: 'a' } })).status,
    ).toBe(403);
    const publisher = await signIn(server.url, 'publisher');
    expect(
      (await call(server.url, publisher, apiRoutes.campaigns.preview, { query: { ids: 'a' } }))
        .status,
    ).toBe(200);
    expect((await call(server.url, editor, apiRoutes.campaigns.preview)).status).toBe(400);
    expect(
      (await call(server.url, editor, apiRoutes.campaigns.preview, { query: { ids: '../etc' } }))
        .status,
    ).toBe(400);
  });

  it('shows them in the console preview of a draft', async () => {
    const [lamp] = products();
    if (!lamp) throw new Error('no demo product');
    const browser = await launchChromium();
    try {
      await browser.addInitScript(() => localStorage.setItem('vitrine.headOffice.lang', 'fr'));
      const desk = await browser.newPage();
      await signInThroughConsole(desk, server.url, 'editor');
      await desk.getByRole('tab', { name: 'Campagnes' }).click();
      await desk.getByRole('button', { name: 'Nouvelle campagne' }).click();
      const firstItem = desk.locator('select[aria-label$=" 1"]').first();
      await firstItem.selectOption('product');
      await desk.getByLabel('Identifiant produit').fill(lamp.id);
      const card = desk.getByTestId('campaign-preview').getByTestId('preview-product');
      await expect.poll(() => card.getAttribute('data-product-id')).toBe(lamp.id);
      const euros = (cents: number) =>
        new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(cents / 100);
      // The amount promotion written above: 5 € off, the old price struck through.
      expect(await card.getByTestId('preview-price').textContent()).toBe(
        `${euros(lamp.priceCents)} ${euros(lamp.priceCents - 500)}`,
      );
      expect(await card.textContent()).toContain(lamp.name.fr);

      // A paint sold in two sizes at two prices: "from" the lower, as the screen says it.
      const paint: Product = {
        ...lamp,
        gtin: undefined,
        id: 'preview-paint',
        variants: [
          { id: 'preview-paint-1l', size: '1 L' },
          { id: 'preview-paint-5l', size: '5 L', priceCents: lamp.priceCents + 2_000 },
        ],
      };
      server.docs.write([{ c: 'products', id: paint.id, body: paint }]);
      await desk.getByLabel('Identifiant produit').fill(paint.id);
      await expect.poll(() => card.getAttribute('data-product-id')).toBe(paint.id);
      const price = card.getByTestId('preview-price');
      expect(await price.getAttribute('data-from')).toBe('true');
      expect(await price.textContent()).toBe(` à partir de ${euros(lamp.priceCents)}`);
    } finally {
      await browser.close();
    }
  });
});
