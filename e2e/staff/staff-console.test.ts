// The staff console in a real Chromium: sign in, see a mirror's size request
// arrive live and answer it; scan a member card and a basket, get the best
// perks with reasons, redeem them; check stock; approve a new screen.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { DeviceHandle } from '@vitrine/shared/client';
import {
  apiRoutes,
  parseJson,
  RedeemRequest,
  routeUrl,
  type DeviceRequestStatus,
} from '@vitrine/shared/core';
import { watchRequestStatus } from '@vitrine/shared/ui';
import type { StoreServer } from '@vitrine/store-server/server';
import { launchChromium } from '../support/chromium';
import { provisionDevice, startNodeDevice } from '../support/node-device';
import { startTestServer, waitFor } from '../support/test-server';
import { memberCard, memberName, productCodes, variantOf } from './staff-helpers';
import { chooseConsoleLang, signInThroughConsole } from '../support/console-page';

let server: StoreServer;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
  await chooseConsoleLang(browser, 'en');
  page = await browser.newPage();
  await signInThroughConsole(page, server.url, 'staff', 'staff');
  await page.getByTestId('request-queue').waitFor();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('staff console', () => {
  it('shows a mirror request live and the mirror sees staff answers', async () => {
    const credential = provisionDevice(server, 'mirror');
    const mirror: DeviceHandle = await startNodeDevice(server.url, credential, { app: 'mirror' });
    const seen: DeviceRequestStatus[] = [];
    const stop = watchRequestStatus(mirror, (request) => seen.push(request), {
      baseUrl: server.url,
      credentialStore: { load: () => Promise.resolve(credential), save: () => Promise.resolve() },
    });
    await expect
      .poll(() => page.getByTestId('request-queue').getAttribute('data-connected'))
      .toBe('true');
    const garment = variantOf(server);
    await mirror.outbox.record({
      kind: 'request',
      payload: {
        type: 'size',
        place: 'Cabine 2',
        productId: garment.id,
        variantId: garment.variantId,
        note: 'Taille L',
      },
    });
    const row = page.locator('tr[data-status="new"]', { hasText: 'Cabine 2' });
    await row.waitFor({ timeout: 10_000 });
    // Staff read the garment as a person would say it, never its GTIN; the chip is words.
    const item = await row.getByTestId('requested-item').textContent();
    expect(item).toContain(`${garment.name} · ${garment.size} · ${garment.colour}`);
    expect(await row.textContent()).not.toContain(garment.gtin);
    expect(await row.getByTestId('status-chip').textContent()).toBe('New');
    await row.getByRole('button', { name: 'Acknowledge' }).click();
    const acknowledged = page.locator('tr[data-status="acknowledged"]', { hasText: 'Cabine 2' });
    expect(await acknowledged.getByTestId('status-chip').textContent()).toBe('Acknowledged');
    await acknowledged.getByRole('button', { name: 'On the way' }).click();
    await waitFor(() => seen.some((r) => r.status === 'on-the-way'), 'on-the-way on the mirror');
    expect(seen.map((r) => r.status)).toEqual(['new', 'acknowledged', 'on-the-way']);
    stop();
    await mirror.stop();
  });

  it('finds the best perks for a basket, explains them and redeems once', async () => {
    const card = memberCard(server, 'silver');
    await page.getByRole('tab', { name: 'Loyalty' }).click();
    // A forgotten card: the member is found by name, surname first.
    const name = memberName(server, card);
    await page.getByTestId('card-input').fill(name.split(' ').reverse().join(' '));
    await page.getByRole('button', { name: 'Find' }).click();
    await page
      .getByTestId('member-matches')
      .getByRole('button', { name: new RegExp(name) })
      .click();
    await expect.poll(() => page.getByTestId('member').textContent()).toMatch(/silver/);
    expect(await page.getByTestId('member').textContent()).toContain(name);
    await page.getByTestId('card-input').fill(card);
    await page.getByRole('button', { name: 'Find' }).click();
    await expect.poll(() => page.getByTestId('member').textContent()).toMatch(/silver/);
    for (const code of productCodes(server, 'fashion', 2, 50)) {
      await page.getByTestId('basket-code').fill(code);
      await page.getByRole('button', { name: 'Add' }).click();
    }
    await page.getByRole('button', { name: 'Best perks' }).click();
    const result = page.getByTestId('optimisation');
    await result.waitFor();
    await expect.poll(() => result.locator('tr.chosen').count()).toBeGreaterThan(0);
    expect(await result.locator('tr[data-perk="summer-fashion-10"]').textContent()).toMatch(
      /Expired/,
    );
    expect(await result.locator('tr[data-perk="gold-15"]').textContent()).toMatch(
      /gold members only/,
    );
    const pointsShown = async () => Number(await page.getByTestId('member-points').textContent());
    const pointsBefore = await pointsShown();
    await page.getByRole('button', { name: 'Redeem' }).click();
    await expect.poll(() => page.getByTestId('receipt').textContent()).toMatch(/Recorded/);
    // The receipt's points reach the member's balance on screen.
    const earned = Number((await page.getByTestId('points-earned').textContent())?.slice(1));
    expect(earned).toBeGreaterThan(0);
    await expect.poll(pointsShown).toBe(pointsBefore + earned);
    const rows = server.db.prepare('SELECT COUNT(*) FROM loyalty_redemptions').pluck().get();
    expect(rows).toBe(1);
    // Asking again now leaves the redeemed perks out, with the reason.
    await page.getByRole('button', { name: 'Best perks' }).click();
    await expect.poll(() => result.textContent()).toMatch(/Already used/);
  });

  it('checks stock across stores and approves a new screen', async () => {
    await page.getByRole('tab', { name: 'Stock' }).click();
    const code = productCodes(server, 'food', 1)[0]!;
    await page.getByTestId('stock-query').fill(code);
    await page.getByRole('button', { name: 'Search' }).click();
    const result = page.getByTestId('stock-result');
    await result.waitFor();
    expect(await result.locator(`td[data-location="${server.config.storeId}"]`).count()).toBe(1);
    // This store's row comes first, whatever order the stock record keeps.
    expect(await result.locator('td[data-location]').first().getAttribute('data-location')).toBe(
      server.config.storeId,
    );

    const { device } = server.registry.enrol('signage', 'Entrance screen');
    await page.getByRole('tab', { name: 'Screens' }).click();
    await page.getByTestId('pairing-code').fill(device.pairingCode!);
    await page.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/Entrance screen/);
    expect(server.registry.get(device.id)?.status).toBe('active');
  });

  it('corrects this store’s stock after a count, with a reason, and shows the new figure', async () => {
    const garment = variantOf(server);
    const here = server.config.storeId;
    await page.getByRole('tab', { name: 'Stock' }).click();
    await page.getByTestId('stock-query').fill(garment.gtin);
    await page.getByRole('button', { name: 'Search' }).click();
    const result = page.getByTestId('stock-result');
    // Staff correct their own store only: one button, on this store's row.
    await result.locator(`[data-testid="correct-stock"][data-location="${here}"]`).click();
    expect(await result.getByTestId('correct-stock').count()).toBe(1);
    const form = page.getByTestId('stock-correction');
    await form.getByLabel('Item').selectOption(garment.variantId);
    await form.getByLabel('Counted').fill('7');
    await form.getByLabel('Reason').selectOption('damaged');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'detached' });
    await expect
      .poll(() => result.locator(`tr:has(td[data-location="${here}"])`).textContent())
      .toContain(`${garment.size} · ${garment.colour}: 7`);
    expect(server.db.prepare('SELECT after, reason, user_id FROM stock_corrections').get()).toEqual(
      { after: 7, reason: 'damaged', user_id: 'staff' },
    );
    // The audit row shows beside the product: who, what, why.
    await expect
      .poll(() => result.getByTestId('recent-corrections').textContent())
      .toMatch(/→ 7 · Damaged · staff/);
  });

  it('redeems once when the answer is lost: the retry keeps the idempotency key', async () => {
    const redeemUrl = routeUrl(server.url, apiRoutes.loyalty.redeem, {});
    const sent: RedeemRequest[] = [];
    const answers: number[] = [];
    await page.route(redeemUrl, async (route) => {
      const body = parseJson(RedeemRequest, route.request().postData() ?? '');
      if (body.ok) sent.push(body.value);
      const response = await route.fetch();
      answers.push(response.status());
      // The first answer is lost on its way back, after the server committed it.
      if (answers.length === 1) await route.abort('connectionreset');
      else await route.fulfill({ response });
    });
    await page.getByRole('tab', { name: 'Loyalty' }).click();
    await page.getByTestId('card-input').fill(memberCard(server, 'gold'));
    await page.getByRole('button', { name: 'Find' }).click();
    await expect.poll(() => page.getByTestId('member').textContent()).toMatch(/gold/);
    await page.getByTestId('basket-code').fill(productCodes(server, 'electronics', 1, 450)[0]!);
    await page.getByRole('button', { name: 'Add' }).click();
    await page.getByRole('button', { name: 'Best perks' }).click();
    await expect
      .poll(() => page.getByTestId('optimisation').locator('tr.chosen').count())
      .toBeGreaterThan(0);
    const rows = () => server.db.prepare('SELECT COUNT(*) FROM loyalty_redemptions').pluck().get();
    const before = rows();
    await page.getByRole('button', { name: 'Redeem' }).click();
    await expect.poll(() => page.getByTestId('receipt').textContent()).toMatch(/Recorded/);
    // Two tries of one redemption: the first committed (201), the retry got its receipt (200).
    expect(answers).toEqual([201, 200]);
    expect(sent.map((request) => request.idempotencyKey)).toEqual([
      sent[0]?.idempotencyKey,
      sent[0]?.idempotencyKey,
    ]);
    expect(rows()).toBe(Number(before) + 1);
    await page.unroute(redeemUrl);
  });
});
