// Scanning a garment's tag with the mirror's camera: Chromium's fake camera
// plays a video of the label (the kiosk's scanner pipeline, reused), the
// garment joins the room, and closing the scanner turns the camera off.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { StoreServer } from '@vitrine/store-server/server';
import { writeLabelY4m } from '../fixtures/label-video';
import { launchWithCameraVideo } from '../support/chromium';
import { startTestServer } from '../support/test-server';
import { waitForSync } from '../kiosk/kiosk-page';
import { demoGarment, eventually, type Garment } from './mirror-page';

let server: StoreServer;
let browser: BrowserContext;
let page: Page;
let garment: Garment;

beforeAll(async () => {
  server = await startTestServer();
  garment = demoGarment(server, true);
  const video = join(mkdtempSync(join(tmpdir(), 'vitrine-tag-')), 'tag.y4m');
  writeLabelY4m(video, garment.variantGtin.slice(1), { blankFrames: 5, labelFrames: 30 });
  browser = await launchWithCameraVideo(video);
  await browser.grantPermissions(['camera'], { origin: server.url });
  page = await browser.newPage();
  await page.goto(`${server.url}/mirror/`);
  await waitForSync(page, server);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('mirror camera scanning', () => {
  it('puts the garment whose tag is shown to the camera in the room, then turns the camera off', async () => {
    await page.getByTestId('camera-button').click();
    await eventually(() => page.getByTestId('garment').count(), { timeout: 20_000 }).toBe(1);
    expect(await page.getByTestId('garment').getAttribute('data-product-id')).toBe(garment.id);
    await page.getByRole('button', { name: 'Fermer la caméra' }).click();
    await eventually(() => page.getByTestId('camera').count()).toBe(0);
    expect(await page.locator('video').count()).toBe(0);
  });
});
