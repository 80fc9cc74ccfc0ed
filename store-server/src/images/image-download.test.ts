import { createHash } from 'node:crypto';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AddressGuard, isPrivateAddress } from './address-guard';
import { DOWNLOAD_LIMITS, downloadImage, type DownloadOptions } from './image-download';
import { startImageFixtureServer, type ImageFixtureServer } from './image-fixture-server';

let fixtures: ImageFixtureServer;
let dir: string;
let options: DownloadOptions;
beforeAll(async () => {
  fixtures = await startImageFixtureServer();
  dir = mkdtempSync(join(tmpdir(), 'vitrine-download-'));
  options = {
    // Only the fixture server's own port: the rest of 127.0.0.1 stays refused.
    guard: new AddressGuard([new URL(fixtures.origin).host]),
    dir,
  };
});
afterAll(() => fixtures?.close());

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('downloadImage', () => {
  it('keeps a good JPEG and PNG under their SHA-256, typed from their bytes', async () => {
    const jpeg = await downloadImage(`${fixtures.origin}/good.jpg`, options);
    expect(jpeg).toMatchObject({ sha256: sha256(fixtures.jpeg), type: 'image/jpeg' });
    expect(readFileSync(jpeg.file).equals(fixtures.jpeg)).toBe(true);
    const png = await downloadImage(`${fixtures.origin}/good.png`, options);
    expect(png).toMatchObject({ sha256: sha256(fixtures.png), type: 'image/png' });
  });

  it('follows a redirect on an allowed host', async () => {
    const moved = await downloadImage(`${fixtures.origin}/moved.jpg`, options);
    expect(moved.sha256).toBe(sha256(fixtures.jpeg));
  });

  it.each([
    ['/missing.jpg', /answered 404 Not Found/],
    ['/page.jpg', /an HTML page, not an image/],
    ['/huge.jpg', /larger than 20 MB/],
    ['/huge-chunked.jpg', /larger than 20 MB/],
    // Another port of 127.0.0.1 than the listed one: the store server's own API, say.
    ['/to-loopback.jpg', /127\.0\.0\.1:\d+ is a private, loopback or link-local address/],
  ])('refuses %s with a clear reason', async (path, reason) => {
    await expect(downloadImage(`${fixtures.origin}${path}`, options)).rejects.toThrow(reason);
  });

  it('gives up on an answer that does not come in time', async () => {
    const limits = { ...DOWNLOAD_LIMITS, timeoutMs: 300 };
    await expect(
      downloadImage(`${fixtures.origin}/slow.jpg`, { ...options, limits }),
    ).rejects.toThrow(/no complete answer within 300 ms/);
  });

  it('cuts a 30 MB body once past the cap, without reading it all, and leaves no file', async () => {
    const before = readdirSync(dir);
    await expect(downloadImage(`${fixtures.origin}/huge-chunked.jpg`, options)).rejects.toThrow();
    expect(fixtures.hugeBytesSent()).toBeLessThan(30 * 1024 * 1024);
    expect(readdirSync(dir)).toEqual(before);
  });

  it('refuses loopback, private and link-local hosts that are not listed, by name or address', async () => {
    const port = new URL(fixtures.origin).port;
    for (const url of [
      `http://localhost:${port}/good.jpg`,
      `http://[::1]:${port}/good.jpg`,
      'http://169.254.169.254/latest/meta-data',
      'http://10.1.2.3/a.jpg',
      `http://[::ffff:127.0.0.1]:${port}/good.jpg`,
    ])
      await expect(downloadImage(url, options), url).rejects.toThrow(/private, loopback/);
  });

  it('reads file: URLs only inside the images folder it is given', async () => {
    const root = mkdtempSync(join(tmpdir(), 'vitrine-feed-images-'));
    mkdirSync(join(root, 'images'));
    writeFileSync(join(root, 'images', 'a.png'), fixtures.png);
    writeFileSync(join(root, 'outside.png'), fixtures.png);
    symlinkSync(join(root, 'outside.png'), join(root, 'images', 'link.png'));
    const local = { ...options, localDir: join(root, 'images') };
    const inside = pathToFileURL(join(root, 'images', 'a.png')).href;
    expect((await downloadImage(inside, local)).sha256).toBe(sha256(fixtures.png));
    await expect(downloadImage(inside, options)).rejects.toThrow(/given an images folder/);
    for (const name of ['outside.png', 'images/link.png'])
      await expect(downloadImage(pathToFileURL(join(root, name)).href, local)).rejects.toThrow(
        /outside the images folder/,
      );
  });
});

describe('isPrivateAddress', () => {
  it.each([
    ['127.0.0.1', true],
    ['10.0.0.8', true],
    ['172.31.255.1', true],
    ['192.168.1.10', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['0.0.0.0', true],
    ['::1', true],
    ['fe80::1', true],
    ['fd12:3456::1', true],
    ['::ffff:192.168.0.1', true],
    ['93.184.216.34', false],
    ['172.32.0.1', false],
    ['2606:4700::1111', false],
  ])('%s → %s', (address, inside) => {
    expect(isPrivateAddress(address)).toBe(inside);
  });
});
