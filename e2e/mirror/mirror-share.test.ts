// Sharing a look through the shopper's phone, in Chromium with a fake camera:
// consent before the camera, capture, preview and retake, upload and a QR code
// whose link opens in a second browser; delete now, expiry (410, file gone),
// guessed links (404), refused uploads, and nothing left on the mirror.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { MAX_LOOK_UPLOAD_BYTES } from '@vitrine/shared/core';
import type { StoreServer } from '@vitrine/store-server/server';
import { launchChromium } from '../support/chromium';
import { startTestServer } from '../support/test-server';
import { seriousViolations, waitForSync, wedgeScan } from '../kiosk/kiosk-page';
import {
  browserImage,
  demoGarment,
  deviceAuth,
  readQr,
  storedByBrowser,
  uploadLook,
  type Garment,
  eventually,
} from './mirror-page';

let server: StoreServer;
let mirror: BrowserContext;
let phone: BrowserContext;
let page: Page;
let garment: Garment;
let shareUrl: string;

const looksDir = () => join(server.config.dataDir, 'shared-looks');
/** Camera tracks still live, over every stream the page ever opened (see recordStreams). */
const cameraLive = () =>
  page.evaluate(() =>
    (window as unknown as { openedStreams: MediaStream[] }).openedStreams
      .flatMap((stream) => stream.getTracks())
      .some((track) => track.readyState === 'live'),
  );

/** Keeps a handle on every camera stream, even after its <video> is gone. */
async function recordStreams(target: Page) {
  await target.addInitScript(() => {
    const streams: MediaStream[] = [];
    Object.assign(window, { openedStreams: streams });
    const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = async (constraints) => {
      const stream = await original(constraints);
      streams.push(stream);
      return stream;
    };
  });
}

beforeAll(async () => {
  server = await startTestServer();
  garment = demoGarment(server, true);
  mirror = await launchChromium([
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
  ]);
  await mirror.grantPermissions(['camera'], { origin: server.url });
  phone = await launchChromium();
  page = await mirror.newPage();
  page.setDefaultTimeout(15_000);
  await recordStreams(page);
  await page.goto(`${server.url}/mirror/?photoCountdown=1`);
  await waitForSync(page, server);
  await wedgeScan(page, garment.variantGtin.replace(/^0/, ''), 'qwerty');
  await page.getByTestId('garment-detail').waitFor();
});
afterAll(async () => {
  await mirror?.close();
  await phone?.close();
  await server?.close();
});

describe('share the look', () => {
  it('asks consent before the camera turns on, and cancelling leaves it off', async () => {
    await page.getByTestId('share-button').click();
    await page.getByTestId('share-consent').waitFor();
    expect(await cameraLive()).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Annuler' }).click();
    expect(await page.getByTestId('share-dialog').count()).toBe(0);
    expect(await cameraLive()).toBe(false);
    // The same dialog in English: its words and its accessibility.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByTestId('share-button').click();
    await page.getByTestId('share-consent').waitFor();
    expect(await page.locator('[data-testid="mirror"]').getAttribute('lang')).toBe('en');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Français' }).click();
    expect(await cameraLive()).toBe(false);
  });

  it('takes focus, keeps Tab inside, and closes on Escape with focus back on its button', async () => {
    const inDialog = () =>
      page.evaluate(
        () => !!document.activeElement?.closest('[data-testid="share-dialog"], [role="dialog"]'),
      );
    await page.getByTestId('share-button').click();
    await page.getByTestId('share-consent').waitFor();
    await eventually(inDialog).toBe(true);
    for (let press = 0; press < 6; press += 1) {
      await page.keyboard.press(press % 2 ? 'Shift+Tab' : 'Tab');
      await page.keyboard.press('Tab');
      expect(await inDialog()).toBe(true);
    }
    await page.keyboard.press('Escape');
    await eventually(() => page.getByTestId('share-dialog').count()).toBe(0);
    expect(await cameraLive()).toBe(false);
    await eventually(() =>
      page.evaluate(() => document.activeElement?.getAttribute('data-testid')),
    ).toBe('share-button');
  });

  it('captures with the camera, previews, retakes, then shows a QR code to the link', async () => {
    await page.getByTestId('share-button').click();
    await page.getByTestId('share-agree').click();
    await eventually(cameraLive).toBe(true);
    const dialog = page.getByTestId('share-dialog');
    await eventually(() => dialog.getAttribute('data-phase'), { timeout: 10_000 }).toBe('preview');
    expect(await cameraLive()).toBe(false);
    await page.getByTestId('share-retake').click();
    await eventually(() => dialog.getAttribute('data-phase'), { timeout: 10_000 }).toBe('preview');
    expect(await cameraLive()).toBe(false);
    const size = await page
      .getByTestId('share-preview')
      .evaluate((canvas: HTMLCanvasElement) => [canvas.width, canvas.height]);
    expect(size[0]).toBeGreaterThan(640);
    // The garment's card carries its picture: the thumbnail's square is not the
    // card's plain white (80 px at the card's left, 24 px right of the photo).
    const thumbnailInk = await page
      .getByTestId('share-preview')
      .evaluate((canvas: HTMLCanvasElement) => {
        const photoWidth = canvas.width - 420;
        const pixels = canvas.getContext('2d')!.getImageData(photoWidth + 24, 98, 80, 80).data;
        let coloured = 0;
        for (let i = 0; i < pixels.length; i += 4)
          if (pixels[i]! + pixels[i + 1]! + pixels[i + 2]! < 3 * 240) coloured++;
        return coloured / (80 * 80);
      });
    expect(thumbnailInk).toBeGreaterThan(0.9); // a text-only card leaves about a quarter inked

    await page.getByTestId('share-send').click();
    await page.getByTestId('share-qr').waitFor();
    shareUrl = (await readQr(page)) ?? '';
    expect(shareUrl).toMatch(new RegExp(`^${server.url}/look/[A-Za-z0-9_-]{43}$`));
    expect(await page.getByTestId('share-qr').getAttribute('data-url')).toBe(shareUrl);
    // The canvas that held the photo is emptied once it is sent.
    expect(
      await page
        .getByTestId('share-preview')
        .evaluate((c: HTMLCanvasElement) => c.width * c.height),
    ).toBe(0);
    expect(readdirSync(looksDir())).toHaveLength(1);
  });

  it('opens the link on a phone: the look, its pieces, sharing and delete now', async () => {
    const phonePage = await phone.newPage();
    await phonePage.goto(shareUrl);
    await phonePage.getByTestId('shared-look').waitFor();
    const photo = phonePage.getByTestId('look-photo');
    await eventually(() =>
      photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth),
    ).toBeGreaterThan(640);
    expect(await phonePage.getByTestId('look-pieces').textContent()).toContain(garment.nameFr);
    expect(await phonePage.locator('a[href^="https://wa.me/"]').count()).toBe(1);
    expect(await seriousViolations(phonePage)).toEqual([]);
    await phonePage.goto(`${shareUrl}?lang=en`);
    expect(await phonePage.locator('h1').textContent()).toBe('Your look');
    // Headless Chromium has no share sheet: record what the page would hand to it.
    await phonePage.addInitScript(() => {
      const shared: { name: string; type: string; size: number }[] = [];
      Object.assign(window, { sharedFiles: shared });
      Object.assign(navigator, {
        canShare: (data: { files?: File[] }) => (data.files?.length ?? 0) > 0,
        share: (data: { files?: File[] }) => {
          for (const file of data.files ?? [])
            shared.push({ name: file.name, type: file.type, size: file.size });
          return Promise.resolve();
        },
      });
    });
    await phonePage.reload();
    await phonePage.getByTestId('share-files').click();
    await eventually(() =>
      phonePage.evaluate(() => (window as unknown as { sharedFiles: unknown[] }).sharedFiles),
    ).toEqual([{ name: 'look.jpg', type: 'image/jpeg', size: expect.any(Number) as number }]);

    await phonePage.getByTestId('delete-look').click();
    await phonePage.getByTestId('look-deleted').waitFor();
    expect(readdirSync(looksDir())).toHaveLength(0);
    expect((await fetch(shareUrl)).status).toBe(410);
    expect((await fetch(`${shareUrl}/photo.jpg`)).status).toBe(410);
    await phonePage.close();
  });

  it('leaves nothing on the mirror once the session is reset', async () => {
    await page.getByRole('button', { name: 'Terminé' }).click();
    await page.getByTestId('finish-button').click();
    await eventually(() => page.getByTestId('garment').count()).toBe(0);
    expect(await page.getByTestId('share-dialog').count()).toBe(0);
    expect(await page.locator('canvas, video').count()).toBe(0);
    const token = shareUrl.split('/').at(-1) ?? '';
    const stored = await storedByBrowser(page);
    expect(stored).toContain('outbox'); // the dump did read the local copy
    expect(stored).not.toContain(token);
    expect(stored).not.toContain('BLOB(');
    expect(stored).toContain('caches:\n');
  });

  it('expires: 410 and the photo file is gone; a guessed link is 404 and says nothing', async () => {
    const mirrorAuth = deviceAuth(server, 'mirror');
    const created = await uploadLook(
      server,
      await browserImage(page, 800, 600, 'image/jpeg'),
      'image/jpeg',
      mirrorAuth,
      garment.id,
    );
    expect(created.status).toBe(201);
    const url = (created.body as { url: string }).url;
    expect((await fetch(url)).status).toBe(200);
    const file = server.db
      .prepare('SELECT file FROM shared_looks WHERE file IS NOT NULL')
      .pluck()
      .get() as string;
    expect(existsSync(join(looksDir(), file))).toBe(true);
    server.db.prepare(`UPDATE shared_looks SET expires_at = '2000-01-01T00:00:00.000Z'`).run();
    const expired = await fetch(url);
    expect(expired.status).toBe(410);
    expect(existsSync(join(looksDir(), file))).toBe(false);

    const guessed = await fetch(`${server.url}/look/${'A'.repeat(43)}`);
    expect(guessed.status).toBe(404);
    const text = await guessed.text();
    expect(text).toContain('Ce lien n’existe pas.');
    expect(text).not.toMatch(/expire|shared_looks|sqlite/i);
    expect((await fetch(`${server.url}/look/not-a-token/photo.jpg`)).status).toBe(404);
  });

  it('refuses bad uploads: not an image, huge, wrong dimensions, wrong type, not a mirror', async () => {
    const auth = deviceAuth(server, 'mirror');
    const png = await browserImage(page, 800, 600, 'image/png');
    const before = readdirSync(looksDir()).length;
    const cases: [Uint8Array, string, string, number, string][] = [
      [
        new TextEncoder().encode('<html>not a photo</html>'),
        'image/jpeg',
        auth,
        415,
        'not_an_image',
      ],
      [new Uint8Array(MAX_LOOK_UPLOAD_BYTES + 1), 'image/jpeg', auth, 413, 'payload_too_large'],
      [await browserImage(page, 200, 200, 'image/jpeg'), 'image/jpeg', auth, 422, 'bad_dimensions'],
      [await browserImage(page, 2400, 600, 'image/png'), 'image/png', auth, 422, 'bad_dimensions'],
      [png, 'image/jpeg', auth, 415, 'type_mismatch'],
      [png, 'image/gif', auth, 415, 'type_mismatch'],
      [png, 'image/png', deviceAuth(server, 'kiosk'), 403, 'forbidden'],
      [png, 'image/png', 'Bearer nobody.aaaaaaaaaaaaaaaaaaaaaaaa', 401, 'unauthenticated'],
    ];
    for (const [body, type, authorization, status, code] of cases) {
      const answer = await uploadLook(server, body, type, authorization);
      expect({ status: answer.status, body: answer.body }).toMatchObject({
        status,
        body: { error: { code } },
      });
    }
    expect(readdirSync(looksDir())).toHaveLength(before);
    expect((await uploadLook(server, png, 'image/png', auth)).status).toBe(201);
  });

  it('stops the camera when the session times out in the middle of a photo', async () => {
    await page.goto(`${server.url}/mirror/?photoCountdown=10&idleMs=1500&countdownMs=1000`);
    await waitForSync(page, server);
    await page.locator('h1.brand').click(); // focus for the wedge scanner after navigation
    await wedgeScan(page, garment.variantGtin.replace(/^0/, ''), 'qwerty');
    await page.getByTestId('share-button').click();
    await page.getByTestId('share-agree').click();
    await eventually(cameraLive).toBe(true);
    await eventually(() => page.getByTestId('garment').count(), { timeout: 10_000 }).toBe(0);
    expect(await page.getByTestId('share-dialog').count()).toBe(0);
    expect(await cameraLive()).toBe(false);
    expect(await page.locator('video').count()).toBe(0);
  });
});
