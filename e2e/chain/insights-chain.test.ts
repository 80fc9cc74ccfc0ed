// Store insights across a chain, end to end: `npm run chain` (head office on PostgreSQL and
// NATS, three stores). One store's entrance counter pushes its day (the 25-hour day Paris's
// clocks went back) and its till a receipt; the store computes the day, sends it over the link,
// and head office shows the same figures, by API and in its console, as the store's own
// console, equal to the hand computation. A campaign head office published for that day shows
// a product: its sales before, during and after are the same at the store and at head office.
import Database from 'better-sqlite3';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import {
  addDays,
  apiClient,
  apiRoutes,
  hqRoutes,
  routeUrl,
  type CampaignImpact,
  type DayFigures,
  type HqScreen,
} from '@vitrine/shared/core';
import { testDraft } from '../../head-office/src/campaigns/test-draft';
import { startChain, type RunningChain } from '../../head-office/src/chain/start-chain';
import { ARRIVED, DAY, axisPush, hourStart } from '../insights/dst-day';
import { launchChromium } from '../support/chromium';
import { openHqConsole } from './hq-console-page';
import { REPO_ROOT } from '../support/test-server';

const base = mkdtempSync(join(tmpdir(), 'vitrine-chain-insights-'));
chmodSync(base, 0o755); // PostgreSQL runs as user postgres
let chain: RunningChain | undefined;
let browser: BrowserContext | undefined;

beforeAll(async () => {
  chain = await startChain({
    repoRoot: REPO_ROOT,
    dir: join(base, 'chain'),
    basePort: 0,
    demoScale: 100,
  });
  browser = await launchChromium();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await chain?.stop();
  rmSync(base, { recursive: true, force: true });
});

/** The store's API, signed in as its demo manager. */
async function managerOf(store: { base: string; demoPassword: string }) {
  const { token } = await apiClient(apiRoutes, { baseUrl: store.base }).auth.login({
    body: { userId: 'manager', password: store.demoPassword },
  });
  return apiClient(apiRoutes, { baseUrl: store.base, authorization: () => `Bearer ${token}` });
}

describe('a store’s figures at head office', () => {
  it('reach head office as the store computed them, and its console shows them', async () => {
    const { headOffice, stores } = chain!.endpoints;
    const store = stores[0]!;
    const started = Date.now();
    const client = await managerOf(store);
    const counter = await client.insights.addCounter({
      body: { name: 'Entrée', kind: 'axis', entrance: true },
    });
    const basic = `Basic ${Buffer.from(`${counter.id}:${counter.secret}`).toString('base64')}`;
    for (let hour = 0; hour < 25; hour++) {
      const response = await fetch(`${store.base}${counter.pushPath}`, {
        method: 'POST',
        headers: { authorization: basic, 'content-type': 'application/json' },
        body: JSON.stringify(axisPush(hour)),
      });
      expect(response.status, `hour ${hour}`).toBe(200);
    }
    // A product of the store's catalogue (read from its own database), shown by a campaign
    // head office publishes for that one day.
    const db = new Database(join(store.dataDir, 'store.sqlite'), { readonly: true });
    const shown = db
      .prepare(
        `SELECT id FROM sync_docs WHERE collection = 'products' AND deleted = 0 ORDER BY id LIMIT 1`,
      )
      .pluck()
      .get() as string;
    db.close();
    const atHq = (url: string, init: RequestInit = {}) =>
      fetch(url, {
        ...init,
        headers: {
          authorization: `Bearer ${headOffice.adminToken}`,
          'content-type': 'application/json',
        },
      });
    const campaign = testDraft({
      id: 'autumn-coats',
      name: 'Autumn coats',
      playlists: [
        { id: 'p1', items: [{ id: 'coat', kind: 'product', durationMs: 5_000, productId: shown }] },
      ],
      schedule: { startDate: DAY, endDate: DAY, weekdays: [1, 2, 3, 4, 5, 6, 7], dayParts: [] },
    });
    const published = await atHq(routeUrl(headOffice.url, hqRoutes.campaigns.publish, {}), {
      method: 'POST',
      body: JSON.stringify(campaign),
    });
    expect(published.status).toBe(201);
    await expect
      .poll(async () => (await client.insights.campaigns()).campaigns.map((c) => c.campaignId), {
        timeout: 60_000,
        interval: 1_000,
      })
      .toContain('autumn-coats');
    const at = (hours: number) => new Date(hourStart(hours)).toISOString();
    const line = (quantity: number) => [{ product: shown, quantity, amount: 4200 * quantity }];
    await client.insights.addReceipts({
      body: {
        receipts: [
          {
            id: 'T1-1',
            at: new Date(hourStart(13) + 600_000).toISOString(),
            total: 4200,
            lines: line(1),
          },
          { id: 'T0-1', at: at(-10), total: 8400, lines: line(2) },
          { id: 'T2-1', at: at(34), total: 4200, lines: line(1) },
        ],
      },
    });
    const atStore = await client.insights.day({ query: { date: DAY } });
    expect(atStore.totals).toMatchObject({ visitors: ARRIVED, transactions: 1, revenue: 4200 });
    expect(atStore.hours).toHaveLength(25);

    // Over the link (the store's outbox → NATS → PostgreSQL), the same day.
    const hqDay = async () => {
      const response = await fetch(
        routeUrl(headOffice.url, hqRoutes.insights.storeDay, {
          params: { id: store.id, date: DAY },
        }),
        { headers: { authorization: `Bearer ${headOffice.adminToken}` } },
      );
      return response.status === 200 ? ((await response.json()) as DayFigures) : null;
    };
    await expect.poll(hqDay, { timeout: 120_000, interval: 1_000 }).toEqual(atStore);
    console.log(`the day reached head office ${Date.now() - started} ms after the first push`);

    // The campaign's effect, as the store sees it and as head office sums it.
    const storeImpact = (await client.insights.campaigns()).campaigns.find(
      (c) => c.campaignId === 'autumn-coats',
    )!;
    expect(storeImpact.windows.map((w) => [w.phase, w.from, w.units, w.revenue])).toEqual([
      ['before', addDays(DAY, -1), 2, 8400],
      ['during', DAY, 1, 4200],
      ['after', addDays(DAY, 1), 1, 4200],
    ]);
    const hqImpact = async () => {
      const url = routeUrl(headOffice.url, hqRoutes.insights.campaignImpact, {
        params: { id: 'autumn-coats' },
        query: { currency: 'EUR' },
      });
      return ((await (await atHq(url)).json()) as CampaignImpact).windows;
    };
    await expect.poll(hqImpact, { timeout: 120_000, interval: 1_000 }).toEqual(storeImpact.windows);

    // Head office's console: the store's row and its day.
    const page = await openHqConsole(browser!, headOffice);
    await page.getByRole('tab', { name: 'Footfall' }).click();
    await page.getByLabel('From', { exact: true }).fill(DAY);
    await page.getByLabel('To', { exact: true }).fill(DAY);
    await page.getByRole('button', { name: 'Show', exact: true }).first().click();
    const row = page.locator(`tr[data-store-id="${store.id}"]`);
    await expect
      .poll(() => row.locator('td').nth(2).textContent(), { timeout: 30_000 })
      .toBe(String(ARRIVED));
    await row.getByRole('button').click();
    await page.getByTestId('hq-store-day').getByLabel('Day').fill(DAY);
    const totals = page.getByTestId('hq-store-day-totals');
    await expect.poll(() => totals.getAttribute('data-visitors')).toBe(String(ARRIVED));
    expect(await totals.getAttribute('data-transactions')).toBe('1');
    const impactPanel = page.getByTestId('hq-campaign-impact');
    await impactPanel.getByLabel('Campaign').fill('autumn-coats');
    await impactPanel.getByRole('button', { name: 'Show', exact: true }).click();
    const units = (phase: string) =>
      impactPanel.locator(`tr[data-phase="${phase}"] td[data-units]`).getAttribute('data-units');
    await expect.poll(() => units('during')).toBe('1');
    expect(await units('before')).toBe('2');
    await page.screenshot({ path: join(tmpdir(), 'vitrine-hq-insights.png'), fullPage: true });
  }, 300_000);

  it('lists the store’s people counters in head office’s fleet view, a wrong clock flagged', async () => {
    const { headOffice, stores } = chain!.endpoints;
    const store = stores[0]!;
    const client = await managerOf(store);
    const side = await client.insights.addCounter({
      body: { name: 'Side door', kind: 'generic', entrance: true },
    });
    // A counter whose clock is a day ahead: refused, and flagged today.
    const ahead = Date.now() + 86_400_000;
    const refused = await fetch(`${store.base}${side.pushPath}`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${side.id}:${side.secret}`).toString('base64')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        periods: [
          {
            zone: 'side',
            from: new Date(ahead).toISOString(),
            to: new Date(ahead + 900_000).toISOString(),
            in: 3,
            out: 2,
          },
        ],
      }),
    });
    expect(refused.status).toBe(422);
    const fleet = async () => {
      const url = routeUrl(headOffice.url, hqRoutes.fleet.list, {
        query: { store: store.id, app: 'counter' },
      });
      const response = await fetch(url, {
        headers: { authorization: `Bearer ${headOffice.adminToken}` },
      });
      const answer = (await response.json()) as { screens: HqScreen[] };
      return answer.screens.map((s) => [s.deviceId, s.app, s.status, s.flags]);
    };
    // The fleet summary goes out when a device is added, and at least every minute.
    await expect
      .poll(fleet, { timeout: 90_000, interval: 1_000 })
      .toContainEqual([side.id, 'counter', 'online', ['clock']]);
    expect((await fleet()).filter(([, app]) => app === 'counter')).toHaveLength(2);

    const page = await openHqConsole(browser!, headOffice);
    await page.getByRole('tab', { name: 'Screens and counters' }).click();
    await page.getByLabel('App').selectOption('counter');
    await page.getByRole('button', { name: 'Filter' }).click();
    const row = page.locator(`tr[data-device="${side.id}"]`);
    await expect.poll(() => row.locator('td.flagged').textContent()).toBe('wrong clock');
    await page.screenshot({
      path: join(tmpdir(), 'vitrine-hq-fleet-counters.png'),
      fullPage: true,
    });
  }, 180_000);
});
