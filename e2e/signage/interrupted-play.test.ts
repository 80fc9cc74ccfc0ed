// Proof of play through a reload, in a real Chromium: the play on screen when
// the page reloads is recorded as interrupted with the time it really ran, is
// not counted as a full play in the report, and every play has exactly one end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { StoreServer } from '@vitrine/store-server/server';
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

type End = { playId: string; durationMs: number; interrupted?: boolean };
const ends = () =>
  (
    server.db
      .prepare(
        `SELECT payload FROM events WHERE kind = 'proof-of-play'
         AND json_extract(payload, '$.phase') = 'end' ORDER BY at`,
      )
      .pluck()
      .all() as string[]
  ).map((payload) => JSON.parse(payload) as End);
const starts = () =>
  server.db
    .prepare(
      `SELECT json_extract(payload, '$.playId') FROM events WHERE kind = 'proof-of-play'
       AND json_extract(payload, '$.phase') = 'start'`,
    )
    .pluck()
    .all() as string[];

describe('a play interrupted by a reload', () => {
  it('is recorded as interrupted with its real duration, not as a full play', async () => {
    const editor = await signIn(server.url, 'editor');
    const publisher = await signIn(server.url, 'publisher');
    await publish(
      server.url,
      editor,
      publisher,
      zonesDraft('long', [
        {
          id: 'main',
          x: 0,
          y: 0,
          width: 100,
          height: 100,
          item: {
            id: 'slow',
            kind: 'ticker',
            durationMs: 600_000,
            text: { fr: 'Lent', en: 'Slow' },
          },
        },
      ]),
    );
    await screen.goto(`${server.url}/signage/`);
    await expect
      .poll(() => screen.getByTestId('player').getAttribute('data-plays-started'), {
        timeout: 30_000,
      })
      .toBe('1');
    await expect.poll(() => starts().length, { timeout: 10_000 }).toBe(1);
    // Let it play a measurable while (as the player itself notes it), then reload mid-item.
    const noted = () =>
      screen.evaluate(
        () =>
          (
            JSON.parse(localStorage.getItem('vitrine.signage.openPlays') ?? '[]') as {
              durationMs: number;
            }[]
          )[0]?.durationMs ?? 0,
      );
    await expect.poll(noted, { timeout: 10_000 }).toBeGreaterThanOrEqual(2_000);
    const ranAtLeast = await noted();
    await screen.reload();

    await expect.poll(() => ends().length, { timeout: 20_000 }).toBe(1);
    const [end] = ends();
    expect(end).toMatchObject({ playId: starts()[0], interrupted: true });
    // Its real time on screen, noted at the reload itself.
    expect(end!.durationMs).toBeGreaterThanOrEqual(ranAtLeast);
    expect(end!.durationMs).toBeLessThan(600_000);

    const report = await call(server.url, publisher, apiRoutes.reports.plays, {
      query: { campaignId: 'long' },
    });
    const rows = (
      report.body as { rows: { plays: number; interrupted: number; playedMs: number }[] }
    ).rows;
    expect(rows.reduce((sum, row) => sum + row.plays, 0)).toBe(0);
    expect(rows.reduce((sum, row) => sum + row.interrupted, 0)).toBe(1);
    expect(rows.reduce((sum, row) => sum + row.playedMs, 0)).toBe(end!.durationMs);
    // The new page's play is open, not ended twice: one end per play id.
    expect(new Set(ends().map((e) => e.playId)).size).toBe(ends().length);
  }, 60_000);
});
