// Product images through a real store server: fetched from a real HTTP server
// on 127.0.0.1 (listed in --image-hosts), then served by the catalogue.image
// route as WebP or JPEG by Accept, with an ETag; 404 no-store until then.
import { readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogueImageUrl, type ImageWidth } from '@vitrine/shared/core';
import type { StoreServer } from '@vitrine/store-server/server';
import { startTestServer, waitFor } from '../support/test-server';

/** A 900×600 PNG with a gradient. */
function picture(): Buffer {
  const png = new PNG({ width: 900, height: 600 });
  for (let i = 0; i < png.data.length; i += 4) {
    const pixel = i / 4;
    png.data[i] = pixel % 256;
    png.data[i + 1] = (pixel / 900) % 256;
    png.data[i + 2] = 128;
    png.data[i + 3] = 255;
  }
  return PNG.sync.write(png);
}

let images: Server;
let origin: string;
const held: (() => void)[] = [];
let server: StoreServer;
let ready: string;
let pending: string;

beforeAll(async () => {
  const png = picture();
  images = createServer((req, res) => {
    if (req.url === '/shirt.png') return res.writeHead(200).end(png);
    // Never answers while the test runs: the image stays pending.
    held.push(() => res.destroy());
  });
  await new Promise<void>((resolve) => images.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(images.address() as AddressInfo).port}`;
  server = await startTestServer({ imageHosts: [new URL(origin).host] });
  const wanted = server.images.want([`${origin}/shirt.png`, `${origin}/held.png`]);
  [ready, pending] = wanted.map((image) => ('key' in image ? image.key : '')) as [string, string];
});
afterAll(async () => {
  await server?.close();
  for (const release of held) release();
  images?.closeAllConnections();
  await new Promise((resolve) => images?.close(resolve));
});

const get = (key: string, size: ImageWidth, headers: Record<string, string> = {}) =>
  fetch(catalogueImageUrl(server.url, key, size), { headers });

describe('catalogue.image', () => {
  it('answers 404 no-store while the image is pending, and for an unknown key', async () => {
    for (const key of [pending, '0'.repeat(32)]) {
      const response = await get(key, '480');
      expect(response.status).toBe(404);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect((await response.json()) as unknown).toMatchObject({
        error: { code: 'image_not_ready' },
      });
    }
  });

  it('serves WebP to a browser that takes it, JPEG otherwise, at the width asked', async () => {
    const webp = await waitFor(async () => {
      const response = await get(ready, '480', { accept: 'image/avif,image/webp,*/*' });
      return response.status === 200 ? response : undefined;
    }, 'the image to be fetched');
    expect(webp.headers.get('content-type')).toBe('image/webp');
    expect(webp.headers.get('vary')).toBe('Accept');
    expect(webp.headers.get('cache-control')).toBe('public, max-age=86400');
    const webpBytes = Buffer.from(await webp.arrayBuffer());
    expect(webpBytes.subarray(8, 12).toString('latin1')).toBe('WEBP');

    const jpeg = await get(ready, '160', { accept: 'image/png,image/*;q=0.8' });
    expect(jpeg.headers.get('content-type')).toBe('image/jpeg');
    const jpegBytes = Buffer.from(await jpeg.arrayBuffer());
    expect([...jpegBytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    // A JPEG's frame header gives its width: 160, from a 900 px original.
    const sof = jpegBytes.findIndex(
      (byte, i) => byte === 0xff && [0xc0, 0xc2].includes(jpegBytes[i + 1] ?? 0),
    );
    expect(jpegBytes.readUInt16BE(sof + 7)).toBe(160);
    expect(webp.headers.get('etag')).not.toBe(jpeg.headers.get('etag'));
  });

  it('answers 304 to If-None-Match with the ETag it gave', async () => {
    const first = await get(ready, '1080', { accept: 'image/webp' });
    expect(first.status).toBe(200);
    await first.arrayBuffer();
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[0-9a-f]{64}-1080-webp"$/);
    const again = await get(ready, '1080', { accept: 'image/webp', 'if-none-match': etag });
    expect(again.status).toBe(304);
    // The same tag for the JPEG is not a match: the JPEG comes.
    const other = await get(ready, '1080', { 'if-none-match': etag });
    expect(other.status).toBe(200);
    expect(other.headers.get('content-type')).toBe('image/jpeg');
  });

  it('refuses a width it does not make, and a key that is not one, with 400', async () => {
    const badSize = await fetch(
      `${catalogueImageUrl(server.url, ready, '480').replace(/480$/, '333')}`,
    );
    expect(badSize.status).toBe(400);
    const badKey = await get('../../etc/passwd', '480');
    expect(badKey.status).toBe(400);
  });

  it('fetches an image again when its kept files are lost, answering 404 meanwhile, never 500', async () => {
    const dir = join(server.config.dataDir, 'images');
    // The folder emptied while the server runs (a cleaning script, a disk restored without it).
    for (const name of readdirSync(dir)) rmSync(join(dir, name), { recursive: true, force: true });
    const lost = await get(ready, '480');
    expect(lost.status).toBe(404);
    expect(lost.headers.get('cache-control')).toBe('no-store');
    const back = await waitFor(async () => {
      const response = await get(ready, '480');
      return response.status === 200 ? response : undefined;
    }, 'the image to be fetched again');
    expect(back.headers.get('content-type')).toBe('image/jpeg');
  });
});
