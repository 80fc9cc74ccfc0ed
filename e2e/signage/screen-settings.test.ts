// A screen's name and language are set per screen in the fleet view, in a
// real Chromium: the player speaks the screen's language, not the browser's
// (this browser is English; the screen starts French, then is switched), and
// a rename is validated by the server and shown in the fleet.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { StoreServer } from '@vitrine/store-server/server';
import { launchChromium } from '../support/chromium';
import { signInThroughConsole } from '../support/console-page';
import { startTestServer } from '../support/test-server';
import { call, draft, publish, signIn, uploadPng } from './head-office';
import { apiRoutes } from '@vitrine/shared/core';

let server: StoreServer;
let browser: BrowserContext;
let screen: Page;
let desk: Page;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium(['--lang=en-US']);
  await browser.addInitScript(() => localStorage.setItem('vitrine.headOffice.lang', 'en'));
  screen = await browser.newPage();
  desk = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.close().catch(() => undefined);
});

const ticker = () => screen.getByTestId('ticker').first().textContent();

describe('screen settings from the fleet', () => {
  it('plays in the language set for the screen, not the browser locale, and renames it', async () => {
    expect(await screen.evaluate(() => navigator.language)).toMatch(/^en/);
    const editor = await signIn(server.url, 'editor');
    const publisher = await signIn(server.url, 'publisher');
    const campaign = draft('words', await uploadPng(server.url, editor));
    campaign.playlists[0]!.items = campaign.playlists[0]!.items.filter((i) => i.kind === 'ticker');
    await publish(server.url, editor, publisher, campaign);

    await screen.goto(`${server.url}/signage/`);
    await expect.poll(ticker, { timeout: 30_000 }).toBe('Promo');
    expect(await screen.getByTestId('player').getAttribute('lang')).toBe('fr');

    await signInThroughConsole(desk, server.url, 'publisher');
    await desk.getByRole('tab', { name: 'Screens' }).click();
    const row = desk.locator('tr[data-screen]').first();
    await row.getByLabel('Display language').selectOption('en');
    await row.getByLabel('Screen name').fill('  Entrance, left  ');
    await row.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => row.getByRole('status').textContent()).toBe('Screen saved.');
    // The profile syncs to the screen, which switches language while it plays.
    await expect.poll(ticker, { timeout: 15_000 }).toBe('Sale');
    expect(await screen.getByTestId('player').getAttribute('lang')).toBe('en');
    await expect.poll(() => row.locator('strong').first().textContent()).toBe('Entrance, left');

    // Bad names are refused with a clear message and change nothing.
    const deviceId = await row.getAttribute('data-screen');
    if (!deviceId) throw new Error('the screen row names no device');
    for (const name of ['   ', 'x'.repeat(61), 'bell\u0007']) {
      const refused = await call(server.url, publisher, apiRoutes.fleet.rename, {
        params: { id: deviceId },
        body: { name },
      });
      expect(refused.status).toBe(400);
    }
    const editorTry = await call(server.url, editor, apiRoutes.fleet.rename, {
      params: { id: deviceId },
      body: {
        name: 'Hack',
      },
    });
    expect(editorTry.status).toBe(403);
    const fleet = await call(server.url, publisher, apiRoutes.fleet.list);
    expect((fleet.body as { screens: { name: string }[] }).screens[0]?.name).toBe('Entrance, left');
  }, 60_000);
});
