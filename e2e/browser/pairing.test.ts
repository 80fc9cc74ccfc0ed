// Outside the demo, a new screen shows a pairing code until staff approve it,
// then starts syncing by itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { apiRoutes } from '@vitrine/shared/core';
import type { StoreServer } from '@vitrine/store-server/server';
import { launchChromium } from '../support/chromium';
import { fetchRoute } from '../support/route-fetch';
import { startTestServer } from '../support/test-server';

let server: StoreServer;
let browser: BrowserContext;

beforeAll(async () => {
  // Not a demo store: no pre-enrolled screens (the catalogue is imported by hand).
  server = await startTestServer({ demo: false });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('pairing a new screen', () => {
  it('shows a code, and syncs once staff approve it', async () => {
    server.catalogue.import({
      locations: [{ id: 'paris-rivoli', name: 'Paris Rivoli', city: 'Paris', kind: 'store' }],
    });
    const page = await browser.newPage();
    await page.goto(`${server.url}/mirror/`);
    const code = await page.getByTestId('pairing-code').textContent({ timeout: 15_000 });
    expect(code).toMatch(/^\d{6}$/);
    const pending = server.registry.list().find((device) => device.pairingCode === code);
    expect(pending?.status).toBe('pending');

    const approve = await fetchRoute(server.url, apiRoutes.devices.approve, {
      token: server.adminToken,
      body: { pairingCode: code },
    });
    expect(approve.status).toBe(200);
    await expect
      .poll(() => page.getByTestId('sync-status').getAttribute('data-checkpoint'), {
        timeout: 15_000,
      })
      .toBe(String(server.docs.head()));
    expect(server.presence.get(pending!.id)?.online).toBe(true);
  });
});
