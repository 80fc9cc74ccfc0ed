// The head-office console in Chromium after a replay: a publisher withdraws a
// campaign with the console's own button (a signed tombstone), an older
// envelope re-posted to the store is refused (409), and the console's list of
// refusals says so in words, in French and in English.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { StoreServer } from '@vitrine/store-server/server';
import { SignedCampaign, apiRoutes } from '@vitrine/shared/core';
import { launchChromium } from '../support/chromium';
import { chooseConsoleLang, signInThroughConsole } from '../support/console-page';
import { startTestServer } from '../support/test-server';
import { call, draft, publish, signIn, uploadPng } from './head-office';

let server: StoreServer;
let browser: BrowserContext;
let desk: Page;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
  desk = await browser.newPage();
  await desk.setViewportSize({ width: 1920, height: 1080 });
});
afterAll(async () => {
  await browser?.close();
  await server?.close().catch(() => undefined);
});

const row = () => desk.locator('tr[data-campaign="harvest"]');
const replayLine = () => desk.locator('li[data-refusal="replay"]').first();

describe('replays in the head-office console', () => {
  it('withdraws with the console, then names the refused replay in French and English', async () => {
    const editor = await signIn(server.url, 'editor');
    const publisher = await signIn(server.url, 'publisher');
    await publish(
      server.url,
      editor,
      publisher,
      draft('harvest', await uploadPng(server.url, editor)),
    );
    const captured = SignedCampaign.parse(server.docs.get('campaigns', 'harvest'));

    await chooseConsoleLang(desk, 'fr');
    await signInThroughConsole(desk, server.url, 'publisher');
    await row().getByRole('button', { name: 'Retirer' }).click();
    await expect.poll(() => row().getAttribute('data-status')).toBe('withdrawn');
    const synced = SignedCampaign.parse(server.docs.get('campaigns', 'harvest'));
    expect(JSON.parse(synced.payload)).toEqual({
      v: 1,
      id: 'harvest',
      revision: 2,
      withdrawn: true,
    });

    const replayed = await call(server.url, publisher, apiRoutes.campaigns.acceptSigned, {
      body: captured,
    });
    expect(replayed.status).toBe(409);
    await desk.reload();
    await desk.getByText('Contenus refusés au magasin (1)').click();
    await expect
      .poll(() => replayLine().textContent())
      .toMatch(
        /harvest · révision 1 rejouée, refusée\u202f: le magasin détient déjà la révision 2$/,
      );
    await desk.screenshot({ path: '/tmp/replay-console-fr.png', fullPage: true });

    await chooseConsoleLang(desk, 'en');
    await desk.reload();
    await desk.getByText('Content refused at the store (1)').click();
    await expect
      .poll(() => replayLine().textContent())
      .toMatch(/harvest · revision 1 replayed, refused: the store already holds revision 2$/);
    await desk.screenshot({ path: '/tmp/replay-console-en.png', fullPage: true });
  }, 60_000);
});
