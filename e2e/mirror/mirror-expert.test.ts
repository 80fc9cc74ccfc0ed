// The mirror offers "Talk to an expert" on a garment only while a stylist is
// free; the shopper's call reaches the expert console, goes on while the
// shopper moves between garments, and ends with a rating.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { StoreServer } from '@vitrine/store-server/server';
import { expertSignsIn, launchWithFakeMedia } from '../experts/call-helpers';
import { seriousViolations, waitForSync, wedgeScan } from '../kiosk/kiosk-page';
import { chooseConsoleLang } from '../support/console-page';
import { startTestServer } from '../support/test-server';
import { demoGarment, eventually } from './mirror-page';

let server: StoreServer;
let mirrorBrowser: BrowserContext;
let expertBrowser: BrowserContext;
let mirror: Page;
let expert: Page;

beforeAll(async () => {
  server = await startTestServer();
  [mirrorBrowser, expertBrowser] = await Promise.all([
    launchWithFakeMedia(),
    launchWithFakeMedia(),
  ]);
  await chooseConsoleLang(expertBrowser, 'fr');
  mirror = await mirrorBrowser.newPage();
  expert = await expertBrowser.newPage();
  mirror.setDefaultTimeout(10_000);
  await mirror.goto(`${server.url}/mirror/?room=Cabine%202`);
  await waitForSync(mirror, server);
});
afterAll(async () => {
  await Promise.all([mirrorBrowser?.close(), expertBrowser?.close()]);
  await server?.close();
});

describe('expert call from the mirror', () => {
  it('shows the button on a garment once a stylist is available, and rings her', async () => {
    const garment = demoGarment(server, true);
    await wedgeScan(mirror, garment.variantGtin.replace(/^0/, ''), 'qwerty');
    await mirror.getByTestId('garment-detail').waitFor();
    const slot = mirror.getByTestId('expert-slot');
    await slot.getByTestId('help-fallback').waitFor();
    expect(await slot.getByTestId('talk-to-expert').count()).toBe(0);

    await expertSignsIn(expert, server, 'expert-julie-mercier'); // style
    await expert.getByTestId('available').check();
    const button = slot.getByTestId('talk-to-expert');
    await button.waitFor({ timeout: 15_000 });
    expect(await button.getAttribute('data-skill')).toBe('style');
    await button.click();
    await eventually(() => expert.getByText(garment.nameFr).count(), {
      timeout: 15_000,
    }).toBeGreaterThan(0);
  });

  it('keeps the call through another garment, opens a pushed card, then asks for a rating', async () => {
    const first = demoGarment(server, true);
    const second = demoGarment(server, false);
    const ringing = expert.locator('[data-testid="ringing"] article');
    expect(await seriousViolations(expert)).toEqual([]); // the console while a call rings
    await ringing.getByRole('button', { name: 'Prendre l’appel' }).click();
    await mirror.getByTestId('call-view').waitFor({ timeout: 15_000 });

    // The shopper scans the next garment they brought in: the call goes on.
    await wedgeScan(mirror, second.variantGtin.replace(/^0/, ''), 'qwerty');
    await eventually(() => mirror.locator('#garment-name').textContent()).toBe(second.nameFr);
    await mirror.getByTestId('call-view').waitFor();
    const openCall = () =>
      server.db.prepare('SELECT COUNT(*) FROM calls WHERE ended_at IS NULL').pluck().get();
    expect(openCall()).toBe(1);
    await eventually(() => expert.getByTestId('presence').getAttribute('data-presence')).toBe(
      'busy',
    );

    // The stylist shows the first garment again; a tap on the card opens it.
    await expert.locator(`[data-testid="push-card"][data-product="${first.id}"]`).click();
    await mirror.locator(`[data-testid="pushed-card"][data-product="${first.id}"] button`).click();
    await eventually(() => mirror.locator('#garment-name').textContent()).toBe(first.nameFr);
    await mirror.getByTestId('call-view').waitFor();
    expect(openCall()).toBe(1);
    // Both in-call views, the pushed card included, pass axe-core.
    expect(await seriousViolations(mirror)).toEqual([]);
    expect(await seriousViolations(expert)).toEqual([]);

    // The expert hangs up: the shopper is asked how it went, the expert is free again.
    await expert
      .getByTestId('active-call')
      .getByRole('button', { name: /Raccrocher/ })
      .click();
    await mirror.getByTestId('call-rating').waitFor();
    await mirror.getByRole('button', { name: 'Très bien' }).click();
    await eventually(() =>
      server.db.prepare("SELECT end_reason || ' ' || rating FROM calls").pluck().get(),
    ).toBe('expert-ended green');
    await eventually(() => expert.getByTestId('presence').getAttribute('data-presence')).toBe(
      'available',
    );
  }, 60_000);

  it('holds the idle reset while the shopper talks, and resumes it once the call is over', async () => {
    await mirror.goto(`${server.url}/mirror/?room=Cabine%202&idleMs=6000&countdownMs=2000`);
    await waitForSync(mirror, server);
    const garment = demoGarment(server, true);
    // After a navigation, key events go nowhere until the page has focus.
    await mirror.locator('h1.brand').click();
    await wedgeScan(mirror, garment.variantGtin.replace(/^0/, ''), 'qwerty');
    await mirror.locator('#garment-name').waitFor();
    // The shopper keeps touching the garment page until the reloaded mirror
    // hears (over MQTT) that the stylist is free: the short idle reset must not win.
    await eventually(
      async () => {
        await mirror.locator('#garment-name').click();
        return mirror.getByTestId('talk-to-expert').count();
      },
      { timeout: 20_000 },
    ).toBe(1);
    await mirror.getByTestId('talk-to-expert').click();
    const ringing = expert.locator('[data-testid="ringing"] article');
    await ringing.getByRole('button', { name: 'Prendre l’appel' }).click();
    await mirror.getByTestId('call-view').waitFor();
    // Nobody touches the mirror for longer than idle + countdown: the call is still on.
    const started = Date.now();
    await eventually(
      async () => {
        if ((await mirror.getByTestId('call-view').count()) === 0) return 'dropped';
        if ((await mirror.getByTestId('idle-countdown').count()) > 0) return 'counting down';
        return Date.now() - started > 9_000 ? 'held' : 'talking';
      },
      { timeout: 20_000 },
    ).toBe('held');
    await expert
      .getByTestId('active-call')
      .getByRole('button', { name: /Raccrocher/ })
      .click();
    await mirror.getByTestId('call-rating').waitFor();
    // Over: the usual idle reset comes back and empties the fitting room.
    await mirror.getByTestId('idle-countdown').waitFor();
    await mirror.getByTestId('garment-detail').waitFor({ state: 'detached' });
    const last = server.db
      .prepare('SELECT end_reason FROM calls ORDER BY requested_at DESC LIMIT 1')
      .pluck()
      .get();
    expect(last).toBe('expert-ended');
  }, 60_000);
});
