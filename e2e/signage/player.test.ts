// The signage player in a real Chromium against a real store server: publish
// at head office → the screen shows it; a tampered campaign never shows and is
// reported; with the server stopped (and after a reload) it keeps playing
// from its cache; proof-of-play counts are exact after the outage.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { StoreServer } from '@vitrine/store-server/server';
import { SignedCampaign, apiRoutes } from '@vitrine/shared/core';
import { launchChromium } from '../support/chromium';
import { freshDataDir, startTestServer } from '../support/test-server';
import { draft, publish, signIn, uploadPng, call } from './head-office';

let server: StoreServer;
let browser: BrowserContext;
let page: Page;
const dataDir = freshDataDir('signage-e2e');

beforeAll(async () => {
  server = await startTestServer({ dataDir });
  browser = await launchChromium();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.close().catch(() => undefined);
});

const player = (attribute: string) => page.getByTestId('player').getAttribute(attribute);
const currentItem = () =>
  page.locator('[data-layer="current"]').first().getAttribute('data-item-id');
const popCount = (phase: 'start' | 'end') =>
  server.db
    .prepare(
      `SELECT COUNT(*) AS n, COUNT(DISTINCT json_extract(payload, '$.playId')) AS plays FROM events
       WHERE kind = 'proof-of-play' AND json_extract(payload, '$.phase') = ?`,
    )
    .get(phase) as { n: number; plays: number };

describe('signage player in Chromium', () => {
  it('shows a published campaign, refuses a tampered one, plays offline, counts exactly', async () => {
    await page.goto(`${server.url}/signage/`);
    await expect.poll(() => player('data-mode'), { timeout: 30_000 }).toBe('default');
    // The default screen's clock tells the store's time, not the screen OS's (UTC here).
    const clock = page.getByTestId('default-clock');
    await expect
      .poll(() => clock.getAttribute('data-time-zone'), { timeout: 10_000 })
      .toBe('Europe/Paris');
    const parisNow = () =>
      new Date().toLocaleTimeString('fr-FR', {
        hour: '2-digit',
        minute: '2-digit',
        timeZone: 'Europe/Paris',
      });
    await expect.poll(async () => (await clock.textContent()) === parisNow()).toBe(true);

    const editor = await signIn(server.url, 'editor');
    const publisher = await signIn(server.url, 'publisher');
    const media = await uploadPng(server.url, editor);
    await publish(server.url, editor, publisher, draft('opening', media));
    await expect.poll(() => player('data-campaign'), { timeout: 15_000 }).toBe('opening');
    // The picture plays from the verified cache, then the ticker, in turn.
    await expect
      .poll(
        () => page.locator(`[data-layer="current"] img[data-sha256="${media.sha256}"]`).count(),
        {
          timeout: 10_000,
        },
      )
      .toBe(1);
    await expect.poll(currentItem, { timeout: 5_000 }).toBe('words');

    // A store server that lets through a tampered campaign: the player refuses it.
    const genuine = SignedCampaign.parse(server.docs.get('campaigns', 'opening'));
    const evil = {
      ...genuine,
      id: 'evil',
      payload: genuine.payload
        .replace('"id":"opening"', '"id":"evil"')
        .replace('"priority":10', '"priority":99'),
    };
    server.docs.write([{ c: 'campaigns', id: 'evil', body: evil }]);
    const refusal = () =>
      server.db
        .prepare(`SELECT detail FROM faults WHERE kind = 'campaign-refused'`)
        .pluck()
        .get() as string | undefined;
    await expect.poll(refusal, { timeout: 10_000 }).toMatch(/campaign evil refused: bad signature/);
    for (let i = 0; i < 10; i++) {
      expect(await player('data-campaign')).toBe('opening');
      await page.waitForTimeout(100);
    }

    // Server down: playback goes on from cache, and survives a reload.
    const port = server.httpPort;
    await server.close();
    const seen = new Set<string | null>();
    for (let i = 0; i < 40; i++) {
      seen.add(await currentItem());
      await page.waitForTimeout(100);
    }
    expect(seen).toEqual(new Set(['picture', 'words']));
    await page.reload();
    await expect.poll(() => player('data-campaign'), { timeout: 20_000 }).toBe('opening');
    await expect
      .poll(() => page.locator(`img[data-sha256="${media.sha256}"]`).count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await page.waitForTimeout(2_000);

    // Back up on the same port: the outbox delivers everything, once.
    server = await startTestServer({ dataDir, httpPort: port });
    const publisherAgain = await signIn(server.url, 'publisher');
    expect(
      (
        await call(server.url, publisherAgain, apiRoutes.campaigns.withdraw, {
          params: { id: 'opening' },
        })
      ).status,
    ).toBe(200);
    await expect.poll(() => player('data-mode'), { timeout: 20_000 }).toBe('default');
    const started = Number(await player('data-plays-started'));
    const ended = Number(await player('data-plays-ended'));
    expect(ended).toBe(started); // this page's plays all closed when the campaign went
    await expect.poll(() => popCount('end').n, { timeout: 30_000 }).toBeGreaterThanOrEqual(ended);
    // The outbox delivers asynchronously: wait for the withdrawal's last end to arrive.
    await expect
      .poll(() => popCount('start').n - popCount('end').n, { timeout: 30_000 })
      .toBeLessThanOrEqual(1);
    // Exactly once: no duplicates, every start has its end (the reload cut one play short).
    const starts = popCount('start');
    const ends = popCount('end');
    expect(starts.n).toBe(starts.plays);
    expect(ends.n).toBe(ends.plays);
    expect(starts.n - ends.n).toBeLessThanOrEqual(1);
    expect(starts.n).toBeGreaterThan(started);
  }, 90_000);
});
