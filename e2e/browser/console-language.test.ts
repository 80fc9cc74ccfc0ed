// Every console speaks one language at a time, the one the person chose, and
// remembers it: across reloads and across the staff, expert and head-office
// consoles of the same browser. Sign-in refusals are said in that language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { StoreServer } from '@vitrine/store-server/server';
import { launchChromium } from '../support/chromium';
import { signInThroughConsole } from '../support/console-page';
import { startTestServer } from '../support/test-server';
import { seriousViolations } from '../kiosk/kiosk-page';

let server: StoreServer;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium(['--lang=en-US']);
  page = await browser.newPage();
  page.setDefaultTimeout(15_000);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const heading = () => page.getByRole('heading', { level: 1 }).textContent();

describe('console language', () => {
  it('starts in the browser language, one language only, and switches on request', async () => {
    await page.goto(`${server.url}/console/staff.html`);
    expect(await heading()).toBe('Store staff');
    expect(await page.getByText('Password', { exact: true }).count()).toBe(1);
    expect(await page.getByText(/Mot de passe/).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('lang-switch').click();
    expect(await heading()).toBe('Équipe du magasin');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(await page.getByText(/Password/).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('says a refused sign-in in that language', async () => {
    await page.getByRole('textbox', { name: 'Identifiant ou nom' }).fill('staff');
    await page.getByLabel('Mot de passe').fill('not-the-password');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('Identifiant ou mot de passe incorrect.');
  });

  it('remembers the choice across reloads and across consoles', async () => {
    await page.reload();
    expect(await heading()).toBe('Équipe du magasin');
    await page.goto(`${server.url}/console/expert.html`);
    expect(await heading()).toBe('Experts à distance');
    await signInThroughConsole(page, server.url, 'publisher', 'head-office');
    expect(await page.getByRole('tab', { name: 'Campagnes' }).count()).toBe(1);
    await page
      .getByTestId('lang-switch')
      .or(page.getByRole('button', { name: 'English' }))
      .first()
      .click();
    await expect.poll(() => page.getByRole('tab', { name: 'Campaigns' }).count()).toBe(1);
    // Same tab, same session: the publisher is told, in English now, that this desk is not theirs.
    await page.goto(`${server.url}/console/staff.html`);
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('This account has no staff role.');
  });
});
