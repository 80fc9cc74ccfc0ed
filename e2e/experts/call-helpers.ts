// Drives the two ends of an expert call in real Chromium: the expert console
// (signed in, available) and the real kiosk page on a product.
import type { BrowserContext, Page } from 'playwright-core';
import type { StoreServer } from '@vitrine/store-server/server';
import { launchChromium } from '../support/chromium';
import { signInThroughConsole } from '../support/console-page';

const MEDIA_FLAGS = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];

export const launchWithFakeMedia = (): Promise<BrowserContext> => launchChromium(MEDIA_FLAGS);

export async function expertSignsIn(
  page: Page,
  server: StoreServer,
  expertId: string,
): Promise<void> {
  await signInThroughConsole(page, server.url, expertId, 'expert');
  await page.getByTestId('available').waitFor();
}

/** Opens a product on the kiosk by typing its code, as a shopper would. */
export async function openOnKiosk(page: Page, gtin: string): Promise<void> {
  await page.getByTestId('search-button').click();
  await page.getByTestId('code-input').fill(gtin.slice(1));
  await page.getByTestId('code-input').press('Enter');
  await page.getByTestId('product').waitFor();
}

/** A product of a department, with its GTIN and French name. */
export function productOf(server: StoreServer, department: string) {
  return server.db
    .prepare(
      `SELECT id, json_extract(body, '$.gtin') AS gtin, json_extract(body, '$.name.fr') AS name
       FROM sync_docs WHERE collection = 'products' AND json_extract(body, '$.department') = ?
       ORDER BY id LIMIT 1`,
    )
    .get(department) as { id: string; gtin: string; name: string };
}

/** True once the kiosk's expert video has frames and its clock moves. */
export async function expertVideoPlays(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    const video = document.querySelector<HTMLVideoElement>('[data-testid="expert-video"]');
    if (!video || video.readyState < 2 || video.videoWidth === 0) return false;
    const before = video.currentTime;
    await new Promise((resolve) => setTimeout(resolve, 150));
    return video.currentTime > before;
  });
}
