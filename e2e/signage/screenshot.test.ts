// The fleet screenshot is a real capture of what the player shows, in a real
// Chromium: requested through the fleet API, uploaded by the player, and its
// pixels match Chromium's own screenshot of the screen, cell by cell.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { StoreServer } from '@vitrine/store-server/server';
import { launchChromium } from '../support/chromium';
import { fetchRoute } from '../support/route-fetch';
import { startTestServer } from '../support/test-server';
import { call, publish, signIn, uploadPng, zonesDraft } from './head-office';
import { apiRoutes } from '@vitrine/shared/core';

let server: StoreServer;
let browser: BrowserContext;
let screen: Page;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
  screen = await browser.newPage();
  await screen.setViewportSize({ width: 1280, height: 720 });
});
afterAll(async () => {
  await browser?.close();
  await server?.close().catch(() => undefined);
});

const GRID = { columns: 32, rows: 18 };

/** Mean colour of each grid cell of a PNG, decoded by Chromium itself. */
function cells(page: Page, png: Buffer): Promise<number[][]> {
  return page.evaluate(
    async ({ data, grid }) => {
      const picture = new Image();
      picture.src = `data:image/png;base64,${data}`;
      await picture.decode();
      const canvas = document.createElement('canvas');
      canvas.width = grid.columns;
      canvas.height = grid.rows;
      const context = canvas.getContext('2d')!;
      context.imageSmoothingQuality = 'high';
      context.drawImage(picture, 0, 0, grid.columns, grid.rows);
      const pixels = context.getImageData(0, 0, grid.columns, grid.rows).data;
      const out: number[][] = [];
      for (let i = 0; i < pixels.length; i += 4)
        out.push([pixels[i]!, pixels[i + 1]!, pixels[i + 2]!]);
      return out;
    },
    { data: png.toString('base64'), grid: GRID },
  );
}

/** A solid-colour PNG made by Chromium's canvas. */
function solidPng(page: Page, colour: string): Promise<Uint8Array<ArrayBuffer>> {
  return page
    .evaluate((fill) => {
      const canvas = document.createElement('canvas');
      canvas.width = 64;
      canvas.height = 64;
      const context = canvas.getContext('2d')!;
      context.fillStyle = fill;
      context.fillRect(0, 0, 64, 64);
      return canvas.toDataURL('image/png').split(',')[1]!;
    }, colour)
    .then((base64) => new Uint8Array(Buffer.from(base64, 'base64')));
}

describe('fleet screenshot', () => {
  it("is a capture of the player's screen whose pixels match what is shown", async () => {
    await screen.goto(`${server.url}/signage/`);
    await screen.getByTestId('player').waitFor();
    const editor = await signIn(server.url, 'editor');
    const publisher = await signIn(server.url, 'publisher');
    const media = await uploadPng(server.url, editor, await solidPng(screen, '#1e90ff'));
    const product = server.docs.all<{ id: string }>('products')[0]!;
    await publish(
      server.url,
      editor,
      publisher,
      zonesDraft('shot', [
        {
          id: 'picture',
          x: 0,
          y: 0,
          width: 40,
          height: 80,
          item: { id: 'blue', kind: 'image', durationMs: 600_000, media },
        },
        {
          id: 'card',
          x: 40,
          y: 0,
          width: 60,
          height: 80,
          item: { id: 'card', kind: 'product', durationMs: 600_000, productId: product.id },
        },
        {
          id: 'words',
          x: 0,
          y: 80,
          width: 100,
          height: 20,
          item: {
            id: 'words',
            kind: 'message',
            durationMs: 600_000,
            text: { fr: 'Bienvenue', en: 'Welcome' },
          },
        },
      ]),
    );
    await screen.locator(`[data-layer="current"] img[data-sha256="${media.sha256}"]`).waitFor();
    await screen.locator('[data-layer="current"] [data-testid="card-price"]').waitFor();

    const fleet = await call(server.url, publisher, apiRoutes.fleet.list);
    const deviceId = (fleet.body as { screens: { deviceId: string }[] }).screens[0]!.deviceId;
    const asked = await call(server.url, publisher, apiRoutes.fleet.requestScreenshot, {
      params: { id: deviceId },
    });
    expect(asked.status).toBe(202);
    const fetchShot = async () => {
      const response = await fetchRoute(server.url, apiRoutes.fleet.screenshot, {
        params: { id: deviceId },
        token: publisher,
      });
      return response.ok ? Buffer.from(await response.arrayBuffer()) : null;
    };
    await expect.poll(fetchShot, { timeout: 15_000 }).toBeTruthy();
    const capture = await fetchShot();
    const truth = await screen.screenshot();

    const [shot, shown] = [await cells(screen, capture!), await cells(screen, truth)];
    const far = shot.filter((colour, i) => {
      const real = shown[i]!;
      return Math.max(...colour.map((channel, c) => Math.abs(channel - real[c]!))) > 40;
    });
    // Text edges may differ a little; the picture, the card and the message match.
    expect(far.length / shot.length).toBeLessThan(0.05);
    // And it is not blank: the blue picture, the white card and the red message are there.
    const at = (x: number, y: number) =>
      shot[Math.floor(y * GRID.rows) * GRID.columns + Math.floor(x * GRID.columns)]!;
    expect(at(0.1, 0.1)[2]).toBeGreaterThan(200); // blue
    expect(Math.min(...at(0.97, 0.05))).toBeGreaterThan(230); // white card corner
    expect(at(0.02, 0.95)[0]).toBeGreaterThan(150); // red message
  }, 60_000);
});
