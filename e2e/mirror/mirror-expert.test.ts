// The mirror offers "Talk to an expert" on a garment only while a stylist is
// free; the shopper's call reaches the expert console.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { StoreServer } from '@vitrine/store-server/server';
import { expertSignsIn, launchWithFakeMedia } from '../experts/call-helpers';
import { waitForSync, wedgeScan } from '../kiosk/kiosk-page';
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
});
