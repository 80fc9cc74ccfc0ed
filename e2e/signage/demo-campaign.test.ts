// `npm start`'s demo store shows something on its signage at once: a signed
// campaign of the promoted products, played by a real player page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import type { ProductStock } from '@vitrine/shared/core';
import type { StoreServer } from '@vitrine/store-server/server';
import { launchChromium } from '../support/chromium';
import { startTestServer } from '../support/test-server';

const STORE = 'paris-rivoli';
let server: StoreServer;
let browser: BrowserContext;

beforeAll(async () => {
  server = await startTestServer({ storeId: STORE, demoCampaign: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the demo campaign', () => {
  it('is published signed, and the player shows its product cards', async () => {
    const synced = server.docs.get<{ signature?: string }>('campaigns', 'demo-promotions');
    expect(synced?.signature).toBeTruthy();
    const page = await browser.newPage();
    await page.goto(`${server.url}/signage/`);
    const card = page.getByTestId('product-card').first();
    await expect.poll(() => card.getAttribute('data-product-id'), { timeout: 30_000 }).toBeTruthy();
    expect(await page.getByTestId('card-price').first().textContent()).toMatch(/€/);
    // Every product it promotes is in stock in this store.
    const campaign = server.docs.get<{ payload: string }>('campaigns', 'demo-promotions')!;
    const { playlists } = JSON.parse(campaign.payload) as {
      playlists: { items: { productId?: string }[] }[];
    };
    const promoted = playlists.flatMap((list) =>
      list.items.flatMap((item) => item.productId ?? []),
    );
    expect(promoted.length).toBeGreaterThan(0);
    for (const productId of promoted) {
      const here = server.docs
        .get<ProductStock>('stock', productId)
        ?.levels.find((level) => level.locationId === STORE);
      expect(
        Object.values(here?.quantities ?? {}).some((units) => units > 0),
        productId,
      ).toBe(true);
    }
  });
});
