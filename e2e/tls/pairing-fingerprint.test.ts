// First contact over HTTPS: a new screen shows its pairing code and the
// fingerprint of the store CA it pinned; the staff console shows the store's
// own beside the code field. Staff approve only when both match.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { shortFingerprint } from '@vitrine/shared/core';
import { spkiHash } from '@vitrine/shared/desktop/store-pin';
import type { StoreServer } from '@vitrine/store-server/server';
import { launchChromium } from '../support/chromium';
import { chooseConsoleLang, signInThroughConsole } from '../support/console-page';
import { startTestServer } from '../support/test-server';

let server: StoreServer;
let browser: BrowserContext;

beforeAll(async () => {
  // Not a demo store: no pre-enrolled screens, so a new one must be paired.
  server = await startTestServer({ demo: false, httpsPort: 0, mqttsPort: 0, plainPorts: false });
  server.catalogue.import({
    locations: [{ id: 'paris-rivoli', name: 'Paris Rivoli', city: 'Paris', kind: 'store' }],
  });
  server.staff.upsertUser({ id: 'staff', name: 'Camille', roles: ['staff'] }, 'vitrine-demo');
  const ca = server.tls!.caCertificatePem();
  browser = await launchChromium([`--ignore-certificate-errors-spki-list=${spkiHash(ca)}`]);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('pairing a new screen over HTTPS', () => {
  it('the screen and the console show the same store fingerprint', async () => {
    const expected = shortFingerprint(server.tls!.trustBundle().fingerprint);
    const screen = await browser.newPage();
    await screen.setViewportSize({ width: 1080, height: 1920 });
    await screen.goto(`${server.httpsUrl}/mirror/`);
    const code = await screen.getByTestId('pairing-code').textContent({ timeout: 20_000 });
    expect(code).toMatch(/^\d{6}$/);
    expect(await screen.getByTestId('store-fingerprint').textContent()).toBe(expected);
    await screen.screenshot({ path: '/tmp/vitrine-pairing-fingerprint.png' });

    const console = await browser.newPage();
    await chooseConsoleLang(console, 'fr');
    await signInThroughConsole(console, server.httpsUrl!, 'staff', 'staff');
    await console.getByRole('tab', { name: 'Écrans' }).click();
    const shown = console.getByTestId('store-fingerprint');
    await expect.poll(() => shown.textContent(), { timeout: 10_000 }).toBe(expected);
    expect(await console.getByText(/Empreinte du magasin/).textContent()).toContain('\u202f:');
    await console.screenshot({ path: '/tmp/vitrine-console-fingerprint.png' });
    await console.getByTestId('pairing-code').fill(code!);
    await console.getByRole('button', { name: 'Approuver' }).click();
    await expect
      .poll(() => screen.getByTestId('sync-status').getAttribute('data-checkpoint'), {
        timeout: 30_000,
      })
      .toBe(String(server.docs.head()));
  }, 120_000);
});
