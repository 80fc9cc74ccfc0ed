// The kiosk's attract loop shows the products on sale now (a feed's
// sale_price with its dates) as well as the promotions, each product once:
// a sale struck against the regular price as the product page shows it; a
// sale not started yet or already ended is not shown; a product both on sale
// and in a promotion has one slide, the promotion's, at the lower price.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { formatsFor, type Product, type Promotion } from '@vitrine/shared/core';
import type { StoreServer } from '@vitrine/store-server/server';
import { launchChromium } from '../support/chromium';
import { startTestServer } from '../support/test-server';
import { waitForSync } from './kiosk-page';

const DAY = 86_400_000;
const at = (fromNow: number) => new Date(Date.now() + fromNow).toISOString();
const euros = (cents: number) => formatsFor('fr', 'EUR').price(cents);
const plain = (text: string | null) => (text ?? '').replace(/[\u202f\u00a0]/g, ' ');

let server: StoreServer;
let browser: BrowserContext;
let page: Page;
/** Demo products priced alike in all their items, by id: on sale, on sale per item, future, ended, promoted. */
let onSale: Product, itemOnSale: Product, future: Product, ended: Product, promoted: Product;

const withSale = (product: Product, sale: Product['sale']): Product => ({ ...product, sale });
const cut = (product: Product) => Math.round(product.priceCents * 0.7);
/** Sales come cheapest first (the device's sale index), then by id. */
const bySalePrice = (products: Product[]) =>
  [...products]
    .sort((a, b) => cut(a) - cut(b) || (a.id < b.id ? -1 : 1))
    .map((product) => product.id);

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
  const alike = server.docs
    .all<Product>('products')
    .filter((p) => p.variants.every((v) => v.priceCents === undefined && v.sale === undefined))
    .sort((a, b) => a.id.localeCompare(b.id));
  [onSale, itemOnSale, future, ended, promoted] = alike as [
    Product,
    Product,
    Product,
    Product,
    Product,
  ];
  const [first, ...others] = itemOnSale.variants;
  const promotion: Promotion = {
    id: '0-ui-gaps',
    productIds: [promoted.id],
    kind: 'percent',
    value: 10,
    label: { fr: '-10 %', en: '10% off' },
    startsAt: at(-DAY),
    endsAt: at(DAY),
  };
  // Only our promotion runs, so the loop is three slides long.
  server.docs.write([
    ...server.docs
      .all<{ id: string }>('promotions')
      .map((p) => ({ c: 'promotions' as const, id: p.id, deleted: true as const })),
    { c: 'promotions', id: promotion.id, body: promotion },
    {
      c: 'products',
      id: onSale.id,
      body: withSale(onSale, { priceCents: cut(onSale), startsAt: at(-DAY), endsAt: at(DAY) }),
    },
    // One item on sale: the product carries its sale, the other items say they are not on sale.
    {
      c: 'products',
      id: itemOnSale.id,
      body: {
        ...withSale(itemOnSale, { priceCents: cut(itemOnSale) }),
        variants: [first!, ...others.map((variant) => ({ ...variant, sale: null }))],
      },
    },
    {
      c: 'products',
      id: future.id,
      body: withSale(future, { priceCents: cut(future), startsAt: at(DAY) }),
    },
    {
      c: 'products',
      id: ended.id,
      body: withSale(ended, { priceCents: cut(ended), endsAt: at(-60_000) }),
    },
    // On sale at 30 % off and promoted at 10 %: the sale is the lower price.
    { c: 'products', id: promoted.id, body: withSale(promoted, { priceCents: cut(promoted) }) },
  ]);
  page = await browser.newPage();
  await page.setViewportSize({ width: 1080, height: 1920 });
  await page.goto(`${server.url}/kiosk/`);
  await waitForSync(page, server);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the attract loop’s sales', () => {
  it('shows the products on sale now after the promotions, each once', async () => {
    // A session and back: the loop mounts again on the full copy and looks for sales at once.
    await page.getByTestId('attract').click();
    await page.getByRole('button', { name: 'Accueil' }).click();
    const loop = page.getByTestId('attract');
    await expect
      .poll(() => loop.getAttribute('data-products'), { timeout: 15_000 })
      .toBe([promoted.id, ...bySalePrice([onSale, itemOnSale])].join(' '));
  });

  it('gives the promoted product on sale one slide, at its sale price, with no beaten badge', async () => {
    const slide = page.getByTestId('attract-slide');
    await expect.poll(() => slide.getAttribute('data-product')).toBe(promoted.id);
    expect(await slide.getAttribute('data-promotion')).toBe('0-ui-gaps');
    const price = plain(await slide.getByTestId('attract-price').textContent());
    expect(price).toBe(
      plain(
        `${euros(Math.round(promoted.priceCents * 0.7))} au lieu de ${euros(promoted.priceCents)}`,
      ),
    );
    expect(await slide.getByTestId('attract-badge').count()).toBe(0);
  });

  it('strikes a sale’s regular price as the product page does', async () => {
    const slide = page.getByTestId('attract-slide');
    await expect
      .poll(() => slide.getAttribute('data-product'), { timeout: 20_000 })
      .toBe(onSale.id);
    expect(await slide.getAttribute('data-promotion')).toBeNull();
    expect(plain(await slide.getByTestId('attract-price').textContent())).toBe(
      plain(`${euros(Math.round(onSale.priceCents * 0.7))} au lieu de ${euros(onSale.priceCents)}`),
    );
    expect(plain(await slide.locator('s').textContent())).toBe(plain(euros(onSale.priceCents)));
    if (process.env.UI_GAPS_SHOTS)
      await page.screenshot({ path: `${process.env.UI_GAPS_SHOTS}/attract-sale.png` });
  });
});
