// Sign-in limits from outside (issue 12, finding 3): someone guessing the
// manager's password from one device makes that device wait, not the
// manager, who signs in from the staff tablet and reads the failures, with
// the guessing device's address, in the staff console (fr and en, axe-clean).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { apiRoutes, routeUrl } from '@vitrine/shared/core';
import type { StoreServer } from '@vitrine/store-server/server';
import { seriousViolations } from '../kiosk/kiosk-page';
import { launchChromium } from '../support/chromium';
import { chooseConsoleLang, signInThroughConsole } from '../support/console-page';
import { closeAddressAgents, requestFrom, signInFrom } from '../support/from-address';
import { startTestServer } from '../support/test-server';
import { call, DEMO_PASSWORD, signIn } from './staff-helpers';

/** Another machine on the store's network, as the server sees it (loopback, Linux). */
const GUESSER = '127.0.0.2';
const audit = apiRoutes.auth.signInAudit;

let server: StoreServer;
let browser: BrowserContext;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
});
afterAll(async () => {
  closeAddressAgents();
  await browser?.close();
  await server?.close();
});

describe('sign-in limits', () => {
  it('makes the guessing device wait while the manager signs in from another', async () => {
    const answers: number[] = [];
    for (let i = 0; i < 6; i++)
      answers.push((await signInFrom(GUESSER, server.url, 'manager', `guess-${i}`)).status);
    expect(answers).toEqual([401, 401, 401, 401, 401, 429]);
    const locked = await requestFrom(GUESSER, routeUrl(server.url, apiRoutes.auth.login, {}), {
      body: { userId: 'manager', password: DEMO_PASSWORD },
    });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(50);
    // The manager's own device (Chromium and this process are 127.0.0.1).
    expect(await signIn(server, 'manager')).toBeTruthy();
  });

  it('serves the audit to managers only', async () => {
    expect((await call(server, audit)).status).toBe(401);
    const staff = await signIn(server, 'staff');
    expect((await call(server, audit, { token: staff })).status).toBe(403);
    const manager = await signIn(server, 'manager');
    const answer = await call(server, audit, { query: { limit: 500 }, token: manager });
    expect(answer.status).toBe(200);
    const entries = answer.body.entries as { account: string; client: string; event: string }[];
    const fromGuesser = entries.filter((entry) => entry.client === GUESSER);
    expect(fromGuesser.map((entry) => entry.event).sort()).toEqual([
      'account-locked',
      ...Array<string>(5).fill('failure'),
    ]);
    expect(new Set(fromGuesser.map((entry) => entry.account))).toEqual(new Set(['manager']));
    expect((await call(server, audit, { query: { limit: 0 }, token: manager })).status).toBe(400);
  });

  for (const lang of ['fr', 'en'] as const) {
    it(`shows the failures to the manager in the staff console (${lang})`, async () => {
      const page: Page = await browser.newPage();
      await page.setViewportSize({ width: 1080, height: 1920 });
      await chooseConsoleLang(page, lang);
      await signInThroughConsole(page, server.url, 'manager', 'staff');
      await page.getByRole('tab', { name: lang === 'fr' ? 'Connexions' : 'Sign-ins' }).click();
      const audit = page.getByTestId('sign-in-audit');
      const rows = audit.locator('tbody tr', { hasText: GUESSER });
      await expect.poll(() => rows.count()).toBe(6);
      const locked = rows.filter({
        hasText: lang === 'fr' ? 'Ce compte attend sur cet appareil jusqu’à' : 'This account waits',
      });
      await expect.poll(() => locked.count()).toBe(1);
      expect(await locked.textContent()).toContain('manager');
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `/tmp/sign-in-audit-${lang}-portrait.png` });
      await page.setViewportSize({ width: 1920, height: 1080 });
      await page.screenshot({ path: `/tmp/sign-in-audit-${lang}-landscape.png` });
      await page.close();
    });
  }

  it('is not offered to staff without the manager role', async () => {
    const page = await browser.newPage();
    await chooseConsoleLang(page, 'en');
    await signInThroughConsole(page, server.url, 'staff', 'staff');
    await page.getByRole('tab', { name: 'Requests' }).waitFor();
    expect(await page.getByRole('tab', { name: 'Sign-ins' }).count()).toBe(0);
    await page.close();
  });

  it('tells a locked-out person how long to wait, in the console language', async () => {
    const page = await browser.newPage();
    await chooseConsoleLang(page, 'fr');
    await page.goto(`${server.url}/console/staff.html`);
    await page.getByRole('textbox', { name: 'Identifiant ou nom' }).fill('editor');
    await page.getByLabel('Mot de passe').fill('not the password');
    const alert = page.getByRole('alert');
    const submit = () =>
      Promise.all([
        page.waitForResponse(
          (response) => response.url() === routeUrl(server.url, apiRoutes.auth.login, {}),
        ),
        page.getByRole('button', { name: 'Se connecter' }).click(),
      ]);
    for (let i = 0; i < 5; i++) {
      await submit();
      await expect.poll(() => alert.textContent()).toBe('Identifiant ou mot de passe incorrect.');
    }
    await submit();
    await expect
      .poll(() => alert.textContent())
      .toBe('Trop d’essais manqués depuis cet appareil\u202f: réessayez dans 1\u00a0min.');
    await page.screenshot({ path: '/tmp/sign-in-wait-fr.png' });
    await page.close();
  });
});
