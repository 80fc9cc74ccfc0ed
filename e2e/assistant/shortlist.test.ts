// "Continue on my phone" on a real store server: a kiosk's credential makes a link to products;
// the phone's page lists them with the price and stock here, in the language asked, with no
// personal data and no script; an unknown token is 404, an expired link 410; a product the
// catalogue lacks is dropped, none at all is a 404, bad input a 400, a flood a 429.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes, type Product } from '@vitrine/shared/core';
import type { StoreServer } from '@vitrine/store-server/server';
import { ShortlistStore } from '@vitrine/store-server/shortlists';
import { startTestServer } from '../support/test-server';
import { call, kioskBearer } from '../staff/staff-helpers';

let server: StoreServer;
let products: Product[];

beforeAll(async () => {
  server = await startTestServer();
  products = (
    server.db
      .prepare(
        `SELECT body FROM sync_docs WHERE collection = 'products' AND deleted = 0 ORDER BY id LIMIT 2`,
      )
      .pluck()
      .all() as string[]
  ).map((body) => JSON.parse(body) as Product);
});
afterAll(async () => {
  await server?.close();
});

const create = (body: unknown) =>
  call(server, apiRoutes.shortlists.create, { body, token: kioskBearer(server) });

describe('a shortlist for the shopper’s phone', () => {
  it('makes a link whose page lists the products, and nothing else', async () => {
    const made = await create({
      productIds: [...products.map((p) => p.id), 'no-such-product'],
      lang: 'en',
    });
    expect(made.status).toBe(201);
    const url = made.body.url as string;
    expect(url).toMatch(/\/list\/[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(made.body.expiresAt as string)).toBeGreaterThan(Date.now());
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await page.text();
    for (const product of products) expect(html).toContain(`data-product-id="${product.id}"`);
    expect(html).toContain(products[0]!.name.en.replace(/&/g, '&#38;').replace(/'/g, '&#39;'));
    expect(html).toMatch(/in stock in this store|None left in this store/);
    expect(html).not.toContain('no-such-product');
    expect(html).not.toContain('<script');
    // The same link in French.
    expect(await (await fetch(`${url}?lang=fr`)).text()).toContain('Votre sélection');
  });

  it('answers an unknown or malformed token 404 and an expired link 410', async () => {
    expect((await fetch(`${server.url}/list/${'A'.repeat(43)}`)).status).toBe(404);
    expect((await fetch(`${server.url}/list/not-a-token`)).status).toBe(404);
    let now = Date.now();
    const store = new ShortlistStore(server.db, 60_000, () => now);
    const { token } = store.create({
      productIds: [products[0]!.id],
      lang: 'fr',
      deviceId: 'kiosk-x',
    });
    expect(store.open(token).state).toBe('live');
    now += 61_000;
    expect(store.open(token).state).toBe('gone');
    // Made with a clock a minute ago, it has expired for the server too.
    const old = new ShortlistStore(server.db, 60_000, () => Date.now() - 120_000);
    const stale = old.create({ productIds: [products[0]!.id], lang: 'fr', deviceId: 'kiosk-y' });
    expect((await fetch(`${server.url}/list/${stale.token}`)).status).toBe(410);
  });

  it('refuses bad input with a 4xx, and a screen making links without end with a 429', async () => {
    expect((await create({ productIds: [], lang: 'fr' })).status).toBe(400);
    expect((await create({ productIds: ['a'], lang: 'de' })).status).toBe(400);
    expect((await create({ productIds: ['no-such-product'], lang: 'fr' })).status).toBe(404);
    expect(
      (
        await call(server, apiRoutes.shortlists.create, {
          body: { productIds: [products[0]!.id], lang: 'fr' },
        })
      ).status,
    ).toBe(401);
    let status = 201;
    for (let i = 0; i < 70 && status === 201; i++)
      status = (await create({ productIds: [products[0]!.id], lang: 'fr' })).status;
    expect(status).toBe(429);
  });
});
