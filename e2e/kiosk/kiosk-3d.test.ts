// The kiosk's 3D view in a real Chromium (WebGL through SwiftShader): a
// product's glTF model renders, a drag turns it, a two-finger pinch zooms it,
// "Recentrer" puts it back; and a screen without WebGL says so instead of
// showing an empty box.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import type { StoreServer } from '@vitrine/store-server/server';
import { launchChromium } from '../support/chromium';
import { startTestServer } from '../support/test-server';
import { waitForSync, wedgeScan } from './kiosk-page';

let server: StoreServer;
let gtin: string;
const browsers: BrowserContext[] = [];

beforeAll(async () => {
  server = await startTestServer();
  const row = server.db
    .prepare(
      `SELECT json_extract(body, '$.gtin') AS gtin FROM sync_docs
       WHERE collection = 'products' AND json_extract(body, '$.model3d') IS NOT NULL
       ORDER BY id LIMIT 1`,
    )
    .get() as { gtin: string } | undefined;
  if (!row) throw new Error('no demo product with a 3D model');
  gtin = row.gtin;
});
afterAll(async () => {
  await Promise.all(browsers.map((browser) => browser.close()));
  await server?.close();
});

async function productPageWith3d(flags: string[] = []): Promise<Page> {
  const browser = await launchChromium(flags);
  browsers.push(browser);
  const page = await browser.newPage();
  await page.goto(`${server.url}/kiosk/`);
  await waitForSync(page, server);
  await wedgeScan(page, gtin.slice(1), 'qwerty');
  // The product page opens from the kiosk's copy; under the full suite's load it has taken
  // longer than a click's 30 s to appear.
  await page.getByRole('button', { name: 'Voir en 3D' }).click({ timeout: 90_000 });
  return page;
}

/** How many pixels of the canvas differ from its background, and a coarse fingerprint of where. */
async function ink(page: Page, canvas: Locator): Promise<{ count: number; cells: string }> {
  const png = (await canvas.screenshot()).toString('base64');
  return page.evaluate(async (data) => {
    const image = new Image();
    image.src = `data:image/png;base64,${data}`;
    await image.decode();
    const board = document.createElement('canvas');
    board.width = image.width;
    board.height = image.height;
    const context = board.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const { data: rgba, width, height } = context.getImageData(0, 0, board.width, board.height);
    // The background is the most frequent colour (a corner may hold the panel's border).
    const frequency = new Map<number, number>();
    for (let i = 0; i < rgba.length; i += 4) {
      const key = (rgba[i]! << 16) | (rgba[i + 1]! << 8) | rgba[i + 2]!;
      frequency.set(key, (frequency.get(key) ?? 0) + 1);
    }
    const [top] = [...frequency.entries()].sort((a, b) => b[1] - a[1])[0]!;
    const background = [top >> 16, (top >> 8) & 255, top & 255];
    let count = 0;
    const grid = new Array<number>(64).fill(0);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        const i = (y * width + x) * 4;
        const differs =
          Math.abs(rgba[i]! - background[0]!) +
            Math.abs(rgba[i + 1]! - background[1]!) +
            Math.abs(rgba[i + 2]! - background[2]!) >
          30;
        if (!differs) continue;
        count++;
        grid[Math.floor((y / height) * 8) * 8 + Math.floor((x / width) * 8)]!++;
      }
    return { count, cells: grid.map((n) => (n > 0 ? '#' : '.')).join('') };
  }, png);
}

/** Waits until two consecutive readings agree (the orbit controls ease to a stop). */
async function settled(page: Page, canvas: Locator) {
  let previous = await ink(page, canvas);
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(150);
    const next = await ink(page, canvas);
    if (next.count === previous.count && next.cells === previous.cells) return next;
    previous = next;
  }
  return previous;
}

describe('kiosk 3D view', () => {
  it('renders the model, turns on a drag, zooms on a pinch, and resets', async () => {
    const page = await productPageWith3d();
    await page.getByRole('button', { name: 'Recentrer' }).waitFor({ timeout: 20_000 });
    const canvas = page.getByTestId('model-3d').locator('canvas');
    const initial = await settled(page, canvas);
    expect(initial.count).toBeGreaterThan(500);

    const box = (await canvas.boundingBox())!;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move(cx + box.width / 3, cy, { steps: 12 });
    await page.mouse.up();
    const turned = await settled(page, canvas);
    expect(turned.cells === initial.cells && turned.count === initial.count).toBe(false);

    await page.getByRole('button', { name: 'Recentrer' }).click();
    const reset = await settled(page, canvas);
    expect(Math.abs(reset.count - initial.count)).toBeLessThan(initial.count * 0.02);

    // Two fingers moving apart on the model: a pinch that zooms it in. (The click
    // above may have scrolled the page: aim at where the canvas is now.)
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
    const now = (await canvas.boundingBox())!;
    const fingers = (spread: number) => [
      { x: now.x + now.width / 2 - spread, y: now.y + now.height / 2, id: 1 },
      { x: now.x + now.width / 2 + spread, y: now.y + now.height / 2, id: 2 },
    ];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: fingers(60) });
    for (let spread = 65; spread <= 100; spread += 5)
      await cdp.send('Input.dispatchTouchEvent', {
        type: 'touchMove',
        touchPoints: fingers(spread),
      });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    const zoomed = await settled(page, canvas);
    // The model zoomed, not the page.
    expect(await page.evaluate(() => visualViewport?.scale)).toBe(1);
    expect(zoomed.count).toBeGreaterThan(initial.count * 1.2);

    await page.getByRole('button', { name: 'Recentrer' }).click();
    const back = await settled(page, canvas);
    expect(Math.abs(back.count - initial.count)).toBeLessThan(initial.count * 0.02);
    await page.getByRole('button', { name: 'Fermer la vue 3D' }).click();
    await expect.poll(() => page.getByTestId('model-3d').count()).toBe(0);
  });

  it('says the 3D view is not available on a screen without WebGL', async () => {
    const page = await productPageWith3d(['--disable-webgl', '--disable-3d-apis']);
    const status = page.getByTestId('model-3d').getByRole('status');
    await status.waitFor({ timeout: 20_000 });
    expect(await status.textContent()).toBe('La vue 3D n’est pas disponible sur cet écran.');
    expect(await page.getByTestId('model-3d').locator('canvas').count()).toBe(0);
  });
});
