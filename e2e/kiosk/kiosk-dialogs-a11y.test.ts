// The kiosk's reach mode and every panel and dialog a shopper or staff member
// can open, in a real Chromium with a fake camera, in French and English:
// axe-core finds no serious or critical violation, and each modal dialog takes
// focus, keeps it, closes on Escape and gives focus back. Labels are read from
// the kiosk's own messages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { callText, messages, type Lang } from '@vitrine/shared/ui';
import type { StoreServer } from '@vitrine/store-server/server';
import { DEMO_STAFF_PIN } from '@vitrine/store-server/settings';
import { expertSignsIn, launchWithFakeMedia, productOf } from '../experts/call-helpers';
import { chooseConsoleLang } from '../support/console-page';
import { startTestServer } from '../support/test-server';
import { seriousViolations, waitForSync } from './kiosk-page';

const LANGS = ['fr', 'en'] as const;

let server: StoreServer;
let kioskBrowser: BrowserContext;
let expertBrowser: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startTestServer();
  [kioskBrowser, expertBrowser] = await Promise.all([launchWithFakeMedia(), launchWithFakeMedia()]);
  await chooseConsoleLang(expertBrowser, 'fr');
  page = await kioskBrowser.newPage();
  await page.goto(`${server.url}/kiosk/`);
  await waitForSync(page, server);
}, 120_000);
afterAll(async () => {
  await Promise.all([kioskBrowser?.close(), expertBrowser?.close()]);
  await server?.close().catch(() => undefined);
});

/** Violations on the page as it is now, each prefixed with where it was seen. */
async function sweep(on: Page, where: string): Promise<string[]> {
  return (await seriousViolations(on)).map((violation) => `${where}: ${violation}`);
}

async function setLang(on: Page, lang: Lang) {
  const current = await on.getByTestId('kiosk').getAttribute('lang');
  if (current !== lang)
    await on.getByRole('button', { name: messages[current as Lang].language }).click();
  await expect.poll(() => on.getByTestId('kiosk').getAttribute('lang')).toBe(lang);
}

async function openProduct(on: Page, gtin: string) {
  await on.getByTestId('code-input').fill(gtin.slice(1));
  await on.getByTestId('code-input').press('Enter');
  await on.getByTestId('product').waitFor();
}

/** Whether focus is inside the element with this test id, or with this selector. */
const focusInside = (on: Page, target: string) =>
  on.evaluate(
    (selector) => !!document.activeElement?.closest(selector),
    target.startsWith('[') ? target : `[data-testid="${target}"]`,
  );
const focusedTestId = (on: Page) =>
  on.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

describe('kiosk accessibility: reach mode, panels and dialogs', () => {
  for (const lang of LANGS) {
    it(`has no serious violation in reach mode, with the FAQ, staff-call and camera panels (${lang})`, async () => {
      const t = messages[lang];
      // A new session: the staff call below is made once per session.
      await page.reload();
      await waitForSync(page, server);
      await setLang(page, lang);
      const found: string[] = [];
      const reach = page.getByRole('button', { name: new RegExp(t.reachMode) });
      await reach.click();
      await expect.poll(() => reach.getAttribute('aria-pressed')).toBe('true');
      found.push(...(await sweep(page, `${lang} reach home`)));
      await page.getByTestId('search-button').click();
      await page.getByTestId('results').waitFor();
      found.push(...(await sweep(page, `${lang} reach search`)));
      // No expert is free: the product's expert slot offers the FAQ and a staff call.
      await openProduct(page, productOf(server, 'food').gtin);
      await page.getByTestId('help-fallback').waitFor();
      await page.getByTestId('help-fallback').locator('summary').click();
      found.push(...(await sweep(page, `${lang} reach product, help fallback`)));
      await page.getByRole('button', { name: t.callStaff }).last().click();
      await page.getByTestId('help-called').waitFor();
      found.push(...(await sweep(page, `${lang} reach, staff called`)));
      await page.getByTestId('camera-button').click();
      await page.getByTestId('camera').waitFor();
      found.push(...(await sweep(page, `${lang} reach, camera panel`)));
      await page.getByRole('button', { name: t.closeCamera }).click();
      await reach.click();
      await expect.poll(() => reach.getAttribute('aria-pressed')).toBe('false');
      await page.getByRole('button', { name: t.home }).click();
      expect(found).toEqual([]);
    }, 90_000);
  }

  it('staff PIN dialog: takes focus, keeps it, closes on Escape, gives focus back; axe-clean', async () => {
    for (const lang of LANGS) {
      const t = messages[lang];
      await setLang(page, lang);
      await page.getByTestId('search-button').click();
      await page.getByTestId('search-input').focus();
      for (let i = 0; i < 5; i++) await page.getByTestId('brand').click();
      const pad = page.getByRole('dialog', { name: t.staffPinPrompt });
      await pad.waitFor();
      await expect.poll(() => focusInside(page, 'staff-pin')).toBe(true);
      // More Tabs than the pad has controls: focus never leaves it.
      for (let i = 0; i < 16; i++) {
        await page.keyboard.press(i % 5 === 4 ? 'Shift+Tab' : 'Tab');
        expect(await focusInside(page, 'staff-pin')).toBe(true);
      }
      for (const digit of '000')
        await pad.getByRole('button', { name: digit, exact: true }).click();
      await pad.getByRole('button', { name: t.confirm }).click();
      await pad.getByRole('alert').waitFor();
      expect(await sweep(page, `${lang} staff PIN`)).toEqual([]);
      await page.keyboard.press('Escape');
      await expect.poll(() => pad.count()).toBe(0);
      await expect.poll(() => focusedTestId(page)).toBe('search-input');
    }
    // The right PIN opens the staff panel, a dialog too.
    await setLang(page, 'fr');
    for (let i = 0; i < 5; i++) await page.getByTestId('brand').click();
    const pad = page.getByRole('dialog', { name: messages.fr.staffPinPrompt });
    for (const digit of DEMO_STAFF_PIN)
      await pad.getByRole('button', { name: digit, exact: true }).click();
    await pad.getByRole('button', { name: messages.fr.confirm }).click();
    const panel = page.getByRole('dialog', { name: messages.fr.staffPanel });
    await panel.waitFor();
    await expect.poll(() => focusInside(page, 'staff-overlay')).toBe(true);
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      expect(await focusInside(page, 'staff-overlay')).toBe(true);
    }
    expect(await sweep(page, 'fr staff panel')).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.count()).toBe(0);
  }, 90_000);

  it('staff exit pad (Electron shell): takes focus, keeps it, closes on Escape; axe-clean', async () => {
    // The shell's preload bridge cannot run here (no Electron): the page gets a
    // stand-in with the same methods, and the test plays the shell's exit gesture.
    const shell = await kioskBrowser.newPage();
    await shell.addInitScript(() => {
      let credential: unknown = null;
      const ok = <T>(value: T) => Promise.resolve({ ok: true as const, value });
      Object.assign(window, {
        vitrine: {
          appInfo: () =>
            ok({ app: 'kiosk', version: '0', packaged: false, storeServerUrl: location.origin }),
          getDeviceCredential: () => ok(credential),
          setDeviceCredential: (next: unknown) => ((credential = next), ok(null)),
          reportFault: () => ok(null),
          exitWithPin: () => Promise.resolve({ ok: false, error: 'wrong PIN' }),
          capturePage: () => Promise.resolve({ ok: false, error: 'not here' }),
          onStaffExitRequested: (listener: () => void) => {
            Object.assign(window, { staffExitGesture: listener });
            return () => undefined;
          },
        },
      });
    });
    await shell.goto(`${server.url}/kiosk/`);
    await waitForSync(shell, server);
    await shell.getByTestId('search-button').click();
    await shell.getByTestId('search-input').focus();
    await shell.evaluate(() =>
      (window as unknown as { staffExitGesture: () => void }).staffExitGesture(),
    );
    const pad = shell.getByRole('dialog');
    await pad.waitFor();
    await expect.poll(() => focusInside(shell, '[role="dialog"]')).toBe(true);
    for (let i = 0; i < 16; i++) {
      await shell.keyboard.press('Tab');
      expect(await focusInside(shell, '[role="dialog"]')).toBe(true);
    }
    expect(await sweep(shell, 'staff exit pad')).toEqual([]);
    await shell.keyboard.press('Escape');
    await expect.poll(() => pad.count()).toBe(0);
    await expect.poll(() => focusedTestId(shell)).toBe('search-input');
    await shell.close();
  }, 90_000);

  it('idle countdown: takes focus, closes on Escape and gives focus back; axe-clean', async () => {
    const idle = await kioskBrowser.newPage();
    // Idle after 5 s: time enough, on a loaded machine, to put focus in the search box first.
    await idle.goto(`${server.url}/kiosk/?idleMs=5000&countdownMs=60000`);
    await waitForSync(idle, server);
    for (const lang of LANGS) {
      await setLang(idle, lang);
      await idle.getByTestId('search-button').click();
      await idle.getByTestId('search-input').focus();
      const countdown = idle.getByRole('alertdialog', { name: messages[lang].idleTitle });
      await countdown.waitFor({ timeout: 15_000 });
      await expect.poll(() => focusInside(idle, 'idle-countdown')).toBe(true);
      expect(await sweep(idle, `${lang} idle countdown`)).toEqual([]);
      await idle.keyboard.press('Escape');
      await expect.poll(() => countdown.count()).toBe(0);
      await expect.poll(() => focusedTestId(idle)).toBe('search-input');
    }
    await idle.close();
  }, 90_000);

  it('has no serious violation while talking with an expert, nor in the rating after (fr, en)', async () => {
    await page.reload(); // a new session, whatever the tests before left open
    await waitForSync(page, server);
    await setLang(page, 'fr');
    const expert = await expertBrowser.newPage();
    await expertSignsIn(expert, server, 'expert-julie-mercier'); // style
    await expert.getByTestId('available').check();
    const found: string[] = [];
    // One call: offered, queued and answered in French in the standard layout,
    // then in English and in reach mode while it goes on, and rated.
    await openProduct(page, productOf(server, 'fashion').gtin);
    const talk = page.getByTestId('talk-to-expert');
    await talk.waitFor({ timeout: 20_000 });
    found.push(...(await sweep(page, 'fr expert offered')));
    await talk.click();
    await page.getByTestId('call-queue').waitFor();
    found.push(...(await sweep(page, 'fr call queue')));
    const ringing = expert.locator('[data-testid="ringing"] article');
    await ringing.waitFor();
    await ringing.getByRole('button', { name: 'Prendre l’appel' }).click();
    const call = page.getByTestId('call-view');
    await call.waitFor();
    found.push(...(await sweep(page, 'fr in call')));
    await setLang(page, 'en');
    await page.getByRole('button', { name: new RegExp(messages.en.reachMode) }).click();
    await call.waitFor();
    found.push(...(await sweep(page, 'en reach, in call')));
    await call.getByRole('button', { name: callText('hangUp', 'en') }).click();
    await page.getByTestId('call-rating').waitFor();
    found.push(...(await sweep(page, 'en reach, call rating')));
    await setLang(page, 'fr');
    found.push(...(await sweep(page, 'fr reach, call rating')));
    await page.getByTestId('call-rating').getByRole('button').first().click();
    await expert.close();
    expect(found).toEqual([]);
  }, 120_000);
});
