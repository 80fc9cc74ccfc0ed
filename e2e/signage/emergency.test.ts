// Emergency messages in a real Chromium: the store manager (for this store)
// or head office (for every store) puts a signed full-screen message in French
// and English over whatever plays, and clears it; roles and input are checked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { StoreServer } from '@vitrine/store-server/server';
import { SignedCampaign, apiRoutes } from '@vitrine/shared/core';
import { launchChromium } from '../support/chromium';
import { startTestServer } from '../support/test-server';
import { call, draft, publish, signIn, uploadPng } from './head-office';

let server: StoreServer;
let browser: BrowserContext;
let screen: Page;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
  screen = await browser.newPage();
  await screen.setViewportSize({ width: 1080, height: 1920 });
});
afterAll(async () => {
  await browser?.close();
  await server?.close().catch(() => undefined);
});

const mode = () => screen.getByTestId('player').getAttribute('data-mode');
/** The message's box against the viewport, and its texts in order. */
const message = () =>
  screen.evaluate(() => {
    const node = document.querySelector<HTMLElement>(
      '[data-layer="current"] [data-testid="message"]',
    );
    if (!node) return null;
    const box = node.getBoundingClientRect();
    return {
      covers: box.left <= 0 && box.top <= 0 && box.right >= innerWidth && box.bottom >= innerHeight,
      texts: [...node.querySelectorAll('p')].map((p) => `${p.lang}:${p.textContent}`),
    };
  });

describe('emergency messages', () => {
  it('takes the whole screen in French and English, and clears', async () => {
    const editor = await signIn(server.url, 'editor');
    const publisher = await signIn(server.url, 'publisher');
    const manager = await signIn(server.url, 'manager');
    const staff = await signIn(server.url, 'staff');
    await publish(
      server.url,
      editor,
      publisher,
      draft('daily', await uploadPng(server.url, editor)),
    );
    await screen.goto(`${server.url}/signage/`);
    await expect.poll(mode, { timeout: 30_000 }).toBe('scheduled');

    const text = { fr: 'Évacuation : suivez le personnel', en: 'Evacuation: follow the staff' };
    expect(
      (
        await call(server.url, staff, apiRoutes.campaigns.pushEmergency, {
          params: { origin: 'store' },
          body: { text },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call(server.url, manager, apiRoutes.campaigns.pushEmergency, {
          params: { origin: 'head-office' },
          body: { text },
        })
      ).status,
    ).toBe(403);
    const half = await call(server.url, manager, apiRoutes.campaigns.pushEmergency, {
      params: { origin: 'store' },
      body: {
        text: { fr: 'x', en: ' ' },
      },
    });
    expect(half.status).toBe(400);
    expect(JSON.stringify(half.body)).toMatch(/cannot be empty/);

    const pushed = await call(server.url, manager, apiRoutes.campaigns.pushEmergency, {
      params: { origin: 'store' },
      body: { text },
    });
    expect(pushed.status).toBe(200);
    expect(
      SignedCampaign.parse(server.docs.get('campaigns', 'emergency-store')).signature,
    ).toBeTruthy();
    await expect.poll(mode, { timeout: 15_000 }).toBe('emergency');
    await expect.poll(message, { timeout: 5_000 }).toEqual({
      covers: true,
      texts: [`fr:${text.fr}`, `en:${text.en}`],
    });

    expect(
      (
        await call(server.url, manager, apiRoutes.campaigns.clearEmergency, {
          params: { origin: 'store' },
        })
      ).status,
    ).toBe(200);
    await expect.poll(mode, { timeout: 15_000 }).toBe('scheduled');
    expect(await message()).toBeNull();

    // Head office, landscape this time; only a publisher clears it.
    await screen.setViewportSize({ width: 1920, height: 1080 });
    const chain = { fr: 'Magasins fermés à 18 h', en: 'Stores close at 6 pm' };
    expect(
      (
        await call(server.url, publisher, apiRoutes.campaigns.pushEmergency, {
          params: { origin: 'head-office' },
          body: { text: chain },
        })
      ).status,
    ).toBe(200);
    await expect.poll(message, { timeout: 15_000 }).toEqual({
      covers: true,
      texts: [`fr:${chain.fr}`, `en:${chain.en}`],
    });
    expect(
      (
        await call(server.url, manager, apiRoutes.campaigns.clearEmergency, {
          params: { origin: 'head-office' },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call(server.url, publisher, apiRoutes.campaigns.clearEmergency, {
          params: { origin: 'head-office' },
        })
      ).status,
    ).toBe(200);
    await expect.poll(mode, { timeout: 15_000 }).toBe('scheduled');
    expect(
      (
        await call(server.url, publisher, apiRoutes.campaigns.clearEmergency, {
          params: { origin: 'head-office' },
        })
      ).status,
    ).toBe(404);
  }, 60_000);
});
