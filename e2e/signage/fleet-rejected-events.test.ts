// A refused event shows in the head-office fleet view, in Chromium, with the
// device's name and the reason, instead of vanishing.
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import type { StoreServer } from '@vitrine/store-server/server';
import { launchChromium } from '../support/chromium';
import { chooseConsoleLang, signInThroughConsole } from '../support/console-page';
import { provisionDevice, startNodeDevice } from '../support/node-device';
import { startTestServer, waitFor } from '../support/test-server';

let server: StoreServer;
let browser: BrowserContext;
beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close().catch(() => undefined);
});

describe('fleet view: refused events', () => {
  it('lists a device whose event the server refused, with the reason', async () => {
    const credential = provisionDevice(server);
    server.registry.upsertActive(credential.deviceId, 'kiosk', 'Borne entrée', credential.secret);
    const device = await startNodeDevice(server.url, credential);
    await waitFor(() => device.link?.state === 'online', 'device online');
    const good = await device.outbox.record({ kind: 'interaction', payload: { action: 'scan' } });
    await waitFor(async () => (await device.outbox.pending()) === 0, 'acknowledged');
    const bad = { ...good, id: uuidv7().toUpperCase(), seq: good.seq + 1 };
    await device.db.outbox.add({
      seq: bad.seq,
      id: bad.id,
      event: bad,
      sentAt: null,
    });
    await device.outbox.flush({ resendAll: true });
    await waitFor(() => device.db.rejected.get(bad.id), 'kept aside on the device');
    await device.stop();

    const page = await browser.newPage();
    await chooseConsoleLang(page, 'fr');
    await signInThroughConsole(page, server.url, 'publisher');
    await page.getByRole('tab', { name: 'Écrans' }).click();
    const panel = page.getByRole('region', { name: 'Évènements refusés' });
    const row = panel.locator(`tr[data-device="${credential.deviceId}"]`);
    await expect.poll(() => row.textContent(), { timeout: 20_000 }).toContain(bad.id);
    expect(await row.textContent()).toContain('a lowercase UUIDv7');
    expect(await row.locator('strong').textContent()).toBe('Borne entrée');
    if (process.env.VITRINE_SHOT_DIR)
      await page.screenshot({
        path: `${process.env.VITRINE_SHOT_DIR}/fleet-rejected.png`,
        fullPage: true,
      });
    await page.close();
  });
});
