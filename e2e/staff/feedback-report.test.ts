// The shopper-feedback report on a real store server: likes and smileys from a
// device's outbox, an expert call's rating and the catalogue's reviews, per
// day, product and store, low ratings flagged; then the head-office console
// shows it beside the proof-of-play report, with a chart and a CSV file.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import type { DeviceHandle } from '@vitrine/shared/client';
import { apiRoutes } from '@vitrine/shared/core';
import type { StoreServer } from '@vitrine/store-server/server';
import { seriousViolations } from '../kiosk/kiosk-page';
import { launchChromium } from '../support/chromium';
import { signInThroughConsole } from '../support/console-page';
import { provisionDevice, startNodeDevice } from '../support/node-device';
import { startTestServer, waitFor } from '../support/test-server';
import { call, kioskBearer, productCodes, signIn } from './staff-helpers';

let server: StoreServer;
let kiosk: DeviceHandle;
let publisher: string;
let disliked: { id: string; name: string };
let liked: { id: string; name: string };
let called: { id: string; name: string };
const today = new Date().toISOString().slice(0, 10);
const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
const period = { from: `${today}T00:00:00.000Z`, to: `${tomorrow}T00:00:00.000Z` };
const { feedback } = apiRoutes.reports;

type Row = Record<string, unknown> & { source: string; productId: string | null; low: boolean };

const product = (code: string) => {
  const found = server.catalogue.productByCode(code)!;
  return { id: found.id, name: found.name.fr };
};

beforeAll(async () => {
  server = await startTestServer();
  publisher = await signIn(server, 'publisher');
  [disliked, liked, called] = productCodes(server, 'fashion', 3).map(product) as [
    typeof disliked,
    typeof liked,
    typeof called,
  ];
  kiosk = await startNodeDevice(server.url, provisionDevice(server, 'kiosk'));
  const feedback = [
    { target: 'product', productId: disliked.id, value: 'dislike' },
    { target: 'product', productId: disliked.id, value: 'dislike' },
    { target: 'product', productId: disliked.id, value: 'like' },
    { target: 'product', productId: liked.id, value: 'like' },
    { target: 'help', value: 'green' },
    { target: 'help', value: 'red' },
    // The device also records its call rating; the report counts the call's own.
    { target: 'call', value: 'red' },
  ] as const;
  for (const payload of feedback) await kiosk.outbox.record({ kind: 'feedback', payload });
  await waitFor(
    () =>
      server.db.prepare(`SELECT COUNT(*) FROM events WHERE kind = 'feedback'`).pluck().get() === 7,
    'the feedback events on the server',
  );
  const now = new Date().toISOString();
  server.db
    .prepare(
      `INSERT INTO calls (id, device_id, skill, product_id, viewed, lang, requested_at, answered_at, ended_at, end_reason, rating)
       VALUES (?, ?, 'style', ?, '[]', 'fr', ?, ?, ?, 'expert-ended', 'red')`,
    )
    .run(randomUUID(), kiosk.deviceId, called.id, now, now, now);
});
afterAll(async () => {
  await kiosk?.stop();
  await server?.close();
});

describe('shopper feedback report', () => {
  it('counts likes, smileys and call ratings per day and product, and flags low ones', async () => {
    const answer = await call(server, feedback, { query: period, token: publisher });
    expect(answer.status).toBe(200);
    const rows = (answer.body.rows as Row[]).filter((row) => row.source !== 'review');
    const store = server.config.storeId;
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          day: today,
          storeId: store,
          source: 'product',
          productId: disliked.id,
          productName: disliked.name,
          likes: 1,
          dislikes: 2,
          low: true,
        }),
        expect.objectContaining({ source: 'product', productId: liked.id, likes: 1, low: false }),
        expect.objectContaining({ source: 'help', productId: null, green: 1, red: 1, low: true }),
        expect.objectContaining({ source: 'call', productId: called.id, red: 1, low: true }),
      ]),
    );
    // The call is counted once, from the call (which knows its product).
    expect(rows.filter((row) => row.source === 'call')).toHaveLength(1);
    const low = await call(server, feedback, {
      query: { ...period, low: 'true' },
      token: publisher,
    });
    expect((low.body.rows as Row[]).every((row) => row.low)).toBe(true);
  });

  it('averages the review ratings of a product on the day they were written', async () => {
    const reviews = server.db
      .prepare(`SELECT id, body FROM sync_docs WHERE collection = 'reviews' ORDER BY id LIMIT 1`)
      .get() as { id: string; body: string };
    const written = (JSON.parse(reviews.body) as { reviews: { date: string; rating: number }[] })
      .reviews;
    const day = written[0]!.date;
    const sameDay = written.filter((review) => review.date === day).map((r) => r.rating);
    const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString();
    const answer = await call(server, feedback, {
      query: { from: `${day}T00:00:00.000Z`, to: next },
      token: publisher,
    });
    const row = (answer.body.rows as Row[]).find(
      (r) => r.source === 'review' && r.productId === reviews.id,
    );
    const average = sameDay.reduce((sum, n) => sum + n, 0) / sameDay.length;
    expect(row).toMatchObject({
      day,
      reviews: sameDay.length,
      reviewAverage: Math.round(average * 100) / 100,
      low: average <= 2.5,
    });
  });

  it('answers bad input and the wrong people with a 4xx', async () => {
    const staff = await signIn(server, 'staff');
    expect(
      (await call(server, feedback, { query: { from: 'yesterday' }, token: publisher })).status,
    ).toBe(400);
    expect(
      (await call(server, feedback, { query: { low: 'maybe' }, token: publisher })).status,
    ).toBe(400);
    expect((await call(server, feedback)).status).toBe(401);
    expect((await call(server, feedback, { token: kioskBearer(server) })).status).toBe(401);
    expect((await call(server, feedback, { token: staff })).status).toBe(403);
  });

  it('shows the report beside proof of play in the head-office console, with its CSV', async () => {
    const browser: BrowserContext = await launchChromium();
    try {
      await browser.addInitScript(() => localStorage.setItem('vitrine.headOffice.lang', 'fr'));
      const page = await browser.newPage();
      await signInThroughConsole(page, server.url, 'publisher', 'head-office');
      await page.getByRole('tab', { name: 'Rapports' }).click();
      const report = page.getByTestId('feedback-report');
      await report.getByRole('heading', { name: 'Avis des clients' }).waitFor();
      await page.getByTestId('feedback-chart').locator('canvas').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      const flaggedRow = report.locator(`tr[data-source="product"][data-product="${disliked.id}"]`);
      expect(await flaggedRow.getAttribute('data-low')).toBe('true');
      expect(await flaggedRow.textContent()).toContain('Note basse');
      expect(await report.locator(`tr[data-product="${liked.id}"]`).getAttribute('data-low')).toBe(
        'false',
      );
      expect(
        Number(await page.getByTestId('feedback-flagged').getAttribute('data-flagged')),
      ).toBeGreaterThanOrEqual(3);

      await report.getByRole('button', { name: 'Télécharger les avis (CSV)' }).click();
      const download = page.waitForEvent('download');
      await page.getByTestId('feedback-csv').click();
      const csv = readFileSync(await (await download).path(), 'utf8');
      const [header, ...lines] = csv.trim().split('\r\n');
      expect(header).toBe(
        'day,store,source,product_id,product,likes,dislikes,smiley_green,smiley_orange,smiley_red,reviews,reviews_4_5,reviews_1_2,review_average,low',
      );
      expect(lines).toContainEqual(
        expect.stringMatching(
          new RegExp(
            `^${today},${server.config.storeId},product,${disliked.id},.*,1,2,0,0,0,0,0,0,,yes$`,
          ),
        ),
      );
    } finally {
      await browser.close();
    }
  }, 60_000);
});
