// The staff console scanning with a tablet camera (Chromium's fake camera fed
// with a video): a member card (Code 128) opens the member, and a product
// label (EAN-13) checks its stock across stores.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { StoreServer } from '@vitrine/store-server/server';
import { writeCodeY4m, writeLabelY4m } from '../fixtures/label-video';
import { launchWithCameraVideo } from '../support/chromium';
import { startTestServer } from '../support/test-server';
import { memberCard, productCodes } from './staff-helpers';
import { chooseConsoleLang, signInThroughConsole } from '../support/console-page';

let server: StoreServer;
const browsers: BrowserContext[] = [];

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await Promise.all(browsers.map((browser) => browser.close()));
  await server?.close();
});

async function consoleWithCamera(video: string): Promise<Page> {
  const browser = await launchWithCameraVideo(video);
  browsers.push(browser);
  await chooseConsoleLang(browser, 'fr');
  await browser.grantPermissions(['camera'], { origin: server.url });
  const page = await browser.newPage();
  await signInThroughConsole(page, server.url, 'staff', 'staff');
  await page.getByTestId('request-queue').waitFor();
  return page;
}

const videoFile = () => join(mkdtempSync(join(tmpdir(), 'vitrine-staff-scan-')), 'scan.y4m');

describe('staff console camera scanning', () => {
  it('opens a member from their card', async () => {
    const card = memberCard(server, 'gold');
    const video = videoFile();
    // A member card prints its code as Code 128.
    writeCodeY4m(video, { bcid: 'code128', text: card }, { codeFrames: 30 });
    const page = await consoleWithCamera(video);
    await page.getByRole('tab', { name: /Fidélité/ }).click();
    await page.getByTestId('card-scan').click();
    await expect
      .poll(() => page.getByTestId('member').textContent(), { timeout: 20_000 })
      .toMatch(/gold/);
    expect(await page.getByTestId('card-input').inputValue()).toBe(card);
  }, 40_000);

  it('checks stock from a product label', async () => {
    const code = productCodes(server, 'food', 1)[0]!;
    const video = videoFile();
    writeLabelY4m(video, code.slice(1), { blankFrames: 3, labelFrames: 30 });
    const page = await consoleWithCamera(video);
    await page.getByRole('tab', { name: 'Stock' }).click();
    await page.getByTestId('stock-scan').click();
    await page.getByTestId('stock-result').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('stock-query').inputValue()).toBe(code);
  }, 40_000);
});
