// A renderer inside the Electron shell talks to `window.vitrine` (the preload
// bridge). Electron cannot run here, so the page gets a bridge object with the
// same contract (shared/src/desktop/ipc-contract.ts): the renderer must find its
// store server and keep its credential through it, and show the staff PIN pad.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { StoreServer } from '@vitrine/store-server/server';
import { launchChromium } from '../support/chromium';
import { startTestServer } from '../support/test-server';

let server: StoreServer;
let browser: BrowserContext;
let page: Page;

type BridgeProbe = { saved: unknown; pins: string[]; requestExit: () => void };

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
  page = await browser.newPage();
  await page.addInitScript((storeServerUrl: string) => {
    const probe: BridgeProbe = { saved: null, pins: [], requestExit: () => undefined };
    let exitListener: (() => void) | null = null;
    probe.requestExit = () => exitListener?.();
    Object.assign(window, {
      __probe: probe,
      vitrine: {
        appInfo: () =>
          Promise.resolve({
            ok: true,
            value: { app: 'kiosk', version: 'test', packaged: true, storeServerUrl },
          }),
        getDeviceCredential: () => Promise.resolve({ ok: true, value: probe.saved }),
        setDeviceCredential: (credential: unknown) => {
          probe.saved = credential;
          return Promise.resolve({ ok: true, value: null });
        },
        reportFault: () => Promise.resolve({ ok: true, value: null }),
        exitWithPin: (pin: string) => {
          probe.pins.push(pin);
          return Promise.resolve(
            pin === '2468'
              ? { ok: true, value: { exiting: true } }
              : { ok: false, error: 'wrong PIN' },
          );
        },
        onStaffExitRequested: (listener: () => void) => {
          exitListener = listener;
          return () => (exitListener = null);
        },
      },
    });
  }, server.url);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const probe = () => page.evaluate(() => (window as unknown as { __probe: BridgeProbe }).__probe);

describe('renderer inside the shell', () => {
  it('keeps its credential through the bridge, not in IndexedDB', async () => {
    await page.goto(`${server.url}/kiosk/`);
    await expect
      .poll(() => page.getByTestId('sync-status').getAttribute('data-link'), { timeout: 20_000 })
      .toBe('online');
    const saved = (await probe()).saved as { deviceId: string } | null;
    expect(saved?.deviceId).toBe('demo-kiosk');
  });

  it('shows the PIN pad when staff ask to exit, and passes the PIN to the shell', async () => {
    await page.evaluate(() =>
      (window as unknown as { __probe: BridgeProbe }).__probe.requestExit(),
    );
    const dialog = page.getByRole('dialog', { name: /Staff exit/ });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    for (const digit of ['1', '1', '1', '1'])
      await dialog.getByRole('button', { name: digit, exact: true }).click();
    await dialog.getByRole('button', { name: /Valider/ }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toBe('wrong PIN');
    for (const digit of ['2', '4', '6', '8'])
      await dialog.getByRole('button', { name: digit, exact: true }).click();
    await dialog.getByRole('button', { name: /Valider/ }).click();
    await expect.poll(async () => (await probe()).pins).toEqual(['1111', '2468']);
    await dialog.getByRole('button', { name: /Annuler/ }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
  });
});
