// Store insights across a chain, end to end: `npm run chain` (head office on PostgreSQL and
// NATS, three stores). One store's entrance counter pushes its day (the 25-hour day Paris's
// clocks went back) and its till a receipt; the store computes the day, sends it over the link,
// and head office shows the same figures, by API and in its console, as the store's own
// console, equal to the hand computation.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { apiClient, apiRoutes, hqRoutes, routeUrl, type DayFigures } from '@vitrine/shared/core';
import { startChain, type RunningChain } from '../../head-office/src/chain/start-chain';
import { ARRIVED, DAY, axisPush, hourStart } from '../insights/dst-day';
import { launchChromium } from '../support/chromium';
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

describe('a store’s figures at head office', () => {
  it('reach head office as the store computed them, and its console shows them', async () => {
    const { headOffice, stores } = chain!.endpoints;
    const store = stores[0]!;
    const started = Date.now();
    const signedIn = apiClient(apiRoutes, { baseUrl: store.base });
    const { token } = await signedIn.auth.login({
      body: { userId: 'manager', password: store.demoPassword },
    });
    const client = apiClient(apiRoutes, {
      baseUrl: store.base,
      authorization: () => `Bearer ${token}`,
    });
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
    await client.insights.addReceipts({
      body: {
        receipts: [
          { id: 'T1-1', at: new Date(hourStart(13) + 600_000).toISOString(), total: 4200 },
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

    // Head office's console: the store's row and its day.
    const page = await browser!.newPage();
    await page.addInitScript(() => localStorage.setItem('vitrine.console.lang', 'en'));
    await page.goto(headOffice.console);
    await page.getByLabel('User id').fill(headOffice.user.id);
    await page.getByLabel('Password').fill(headOffice.user.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('tab', { name: 'Footfall' }).click();
    await page.getByLabel('From', { exact: true }).fill(DAY);
    await page.getByLabel('To', { exact: true }).fill(DAY);
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    const row = page.locator(`tr[data-store-id="${store.id}"]`);
    await expect
      .poll(() => row.locator('td').nth(2).textContent(), { timeout: 30_000 })
      .toBe(String(ARRIVED));
    await row.getByRole('button').click();
    await page.getByTestId('hq-store-day').getByLabel('Day').fill(DAY);
    const totals = page.getByTestId('hq-store-day-totals');
    await expect.poll(() => totals.getAttribute('data-visitors')).toBe(String(ARRIVED));
    expect(await totals.getAttribute('data-transactions')).toBe('1');
    await page.screenshot({ path: join(tmpdir(), 'vitrine-hq-insights.png'), fullPage: true });
  }, 300_000);
});
