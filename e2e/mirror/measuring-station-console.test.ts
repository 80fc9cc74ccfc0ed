// The staff console in a real Chromium approves a measuring station and pairs
// it with a fitting room's mirror; the station then publishes with its own
// credentials and the mirror's live feed receives the measurements.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { topics } from '@vitrine/shared/core';
import type { StoreServer } from '@vitrine/store-server/server';
import { launchChromium } from '../support/chromium';
import { startTestServer, waitFor } from '../support/test-server';
import { deviceAuth } from './mirror-page';
import {
  apiAs,
  connectStation,
  measurements,
  openMeasurementFeed,
} from './measuring-station-helpers';
import { chooseConsoleLang, signInThroughConsole } from '../support/console-page';

let server: StoreServer;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startTestServer({ demoScale: 50 });
  browser = await launchChromium();
  await chooseConsoleLang(browser, 'fr');
  page = await browser.newPage();
  page.setDefaultTimeout(10_000);
  await signInThroughConsole(page, server.url, 'staff', 'staff');
  await page.getByTestId('request-queue').waitFor();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('measuring station in the staff console', () => {
  it('is approved with a clear label, paired with a mirror, and its measurements reach it', async () => {
    const station = await apiAs(server).devices.enrol({
      body: { role: 'measure', name: 'Body scanner' },
    });
    const mirror = server.demoDevices?.get('mirror')?.deviceId ?? '';
    const mirrorName = server.registry.get(mirror)?.name ?? '';

    await page.getByRole('tab', { name: /Écrans/ }).click();
    await expect
      .poll(() => page.locator('li', { hasText: station.pairingCode }).textContent())
      .toContain('Station de mesure');
    await page.getByTestId('pairing-code').fill(station.pairingCode);
    await page.getByRole('button', { name: 'Approuver' }).click();
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toMatch(/Body scanner \(Station de mesure\)/);

    const row = page.locator(`[data-testid="station"][data-station="${station.deviceId}"]`);
    await expect.poll(() => row.textContent()).toContain('Non associée');
    await row.getByRole('combobox').selectOption(mirror);
    await row.getByRole('button', { name: 'Associer' }).click();
    await expect.poll(() => row.textContent()).toContain(`→ ${mirrorName}`);
    expect(server.registry.get(station.deviceId)?.status).toBe('active');

    const feed = await openMeasurementFeed(server, deviceAuth(server, 'mirror'));
    const link = await connectStation(`mqtt://127.0.0.1:${server.mqttPort}`, station);
    await link.client.publishAsync(
      topics.measurements(server.config.storeId, mirror),
      measurements('Body scanner'),
      { qos: 1 },
    );
    await waitFor(() => feed.messages.some((m) => m.source === 'Body scanner'), 'measurements');
    await link.client.endAsync();
    feed.close();
  });
});
