// The image cache end to end inside the server process: real SQLite, a real
// HTTP fixture server, real sharp.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase, type Db } from '../db/database';
import { createLogger } from '@vitrine/shared/node';
import { startImageCache, type ImageCache } from './image-domain';
import { DOWNLOAD_LIMITS } from './image-download';
import { startImageFixtureServer, type ImageFixtureServer } from './image-fixture-server';

let fixtures: ImageFixtureServer;
beforeAll(async () => {
  fixtures = await startImageFixtureServer();
});
afterAll(() => fixtures?.close());

const caches: ImageCache[] = [];
afterEach(async () => {
  await Promise.all(caches.splice(0).map((cache) => cache.stop()));
});

function cacheWith(options: Partial<Parameters<typeof startImageCache>[0]> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'vitrine-images-'));
  const db = openDatabase(dataDir);
  const cache = startImageCache({
    db,
    dataDir,
    imageHosts: [new URL(fixtures.origin).host],
    limits: { ...DOWNLOAD_LIMITS, timeoutMs: 2_000 },
    log: createLogger('silent', { store: 'test' }),
    ...options,
  });
  caches.push(cache);
  return { cache, db, dataDir };
}

type Row = { state: string; attempts: number; last_error: string | null; content_sha256: string };
const row = (db: Db, key: string) =>
  db.prepare('SELECT * FROM catalogue_images WHERE url_key = ?').get(key) as Row;
const keyOf = (wanted: { key: string } | { problem: string }) => {
  if (!('key' in wanted)) throw new Error(wanted.problem);
  return wanted.key;
};

describe('the image cache', () => {
  it('wants each URL once, and says why one cannot be fetched', () => {
    const { cache, db } = cacheWith();
    const url = `${fixtures.origin}/never-fetched-before.jpg`;
    const first = cache.service.want([url, 'ftp://example.com/a.jpg', 'not a url']);
    const again = cache.service.want([url]);
    expect(again[0]).toEqual(first[0]);
    expect(keyOf(first[0]!)).toMatch(/^[0-9a-f]{32}$/);
    expect(first[1]).toEqual({
      url: 'ftp://example.com/a.jpg',
      problem: 'ftp: URLs are not fetched (http: and https: are)',
    });
    expect(first[2]).toEqual({ url: 'not a url', problem: 'not a URL' });
    expect(db.prepare('SELECT count(*) FROM catalogue_images').pluck().get()).toBe(1);
  });

  it('fetches good images, keeps them by content hash and makes the small sizes at once', async () => {
    const { cache, db, dataDir } = cacheWith();
    const [jpeg, png] = cache.service
      .want([`${fixtures.origin}/good.jpg`, `${fixtures.origin}/good.png`])
      .map(keyOf) as [string, string];
    await vi.waitFor(() => expect(cache.service.counts().ready).toBe(2), { timeout: 30_000 });
    for (const key of [jpeg, png]) {
      const { state, content_sha256: sha } = row(db, key);
      expect(state).toBe('ready');
      expect(existsSync(join(dataDir, 'images', sha))).toBe(true);
      for (const size of ['160-webp', '160-jpg', '480-webp', '480-jpg']) {
        const [width, ext] = size.split('-');
        expect(existsSync(join(dataDir, 'images', 'sizes', `${sha}-${width}.${ext}`))).toBe(true);
      }
    }
  });

  it('records each bad URL as failed with its reason, and plans another try', async () => {
    // Long enough for 20 MB on a loaded machine; the slow answer fails by it.
    const { cache, db } = cacheWith({ limits: { ...DOWNLOAD_LIMITS, timeoutMs: 4_000 } });
    const cases = {
      '/missing.jpg': /answered 404/,
      '/page.jpg': /HTML page, not an image/,
      '/slow.jpg': /no complete answer within 4000 ms/,
      '/huge-chunked.jpg': /larger than 20 MB/,
      '/to-loopback.jpg': /private, loopback or link-local/,
    };
    const keys = cache.service.want(Object.keys(cases).map((path) => fixtures.origin + path));
    await vi.waitFor(() => expect(cache.service.counts().failed).toBe(5), { timeout: 30_000 });
    const failures = cache.service.failures();
    for (const [path, reason] of Object.entries(cases)) {
      const failure = failures.find((entry) => entry.url === fixtures.origin + path);
      expect(failure?.error, path).toMatch(reason);
      expect(failure?.attempts).toBe(1);
      // The first retry waits at least the floor: a minute.
      expect(Date.parse(failure?.nextTryAt ?? '') - Date.now()).toBeGreaterThan(50_000);
    }
    expect(keys.map((wanted) => row(db, keyOf(wanted)).state)).toEqual(Array(5).fill('failed'));
  });

  it('retries a failed fetch after the backoff, then keeps the image', async () => {
    fixtures.hits.delete('/flaky.jpg');
    const { cache, db } = cacheWith({
      retry: { firstMs: 50, maxMs: 200, floorMs: 20 },
    });
    const [key] = cache.service.want([`${fixtures.origin}/flaky.jpg`]).map(keyOf) as [string];
    await vi.waitFor(() => expect(row(db, key).state).toBe('ready'), { timeout: 30_000 });
    // 503 twice, then the picture: three tries.
    expect(row(db, key).attempts).toBe(3);
    expect(fixtures.hits.get('/flaky.jpg')).toBe(3);
  });

  it('gives up after the last attempt, and tries again when an import names the URL again', async () => {
    const { cache, db } = cacheWith({ maxAttempts: 1 });
    const url = `${fixtures.origin}/missing-again.jpg`;
    const [key] = cache.service.want([url]).map(keyOf) as [string];
    await vi.waitFor(() => expect(cache.service.failures()[0]?.nextTryAt).toBeNull(), {
      timeout: 30_000,
    });
    cache.service.want([url]);
    await vi.waitFor(() => expect(fixtures.hits.get('/missing-again.jpg')).toBe(2), {
      timeout: 30_000,
    });
    await vi.waitFor(() => expect(row(db, key).state).toBe('failed'));
  });

  it("takes an SVG from the import's images folder and draws it sharp at the width asked", async () => {
    const localDir = mkdtempSync(join(tmpdir(), 'vitrine-feed-images-'));
    writeFileSync(
      join(localDir, 'mug.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 300" width="400" height="300">' +
        '<rect width="400" height="300" fill="#c33"/><circle cx="200" cy="150" r="90" fill="#fff"/></svg>',
    );
    const { cache, db, dataDir } = cacheWith({ localDir });
    const url = pathToFileURL(join(localDir, 'mug.svg')).href;
    const [key] = cache.service.want([url]).map(keyOf) as [string];
    await vi.waitFor(() => expect(row(db, key).state).toBe('ready'), { timeout: 30_000 });
    const sha = row(db, key).content_sha256;
    const small = await sharp(join(dataDir, 'images', 'sizes', `${sha}-480.webp`)).metadata();
    expect([small.format, small.width, small.height]).toEqual(['webp', 480, 360]);
  });
});
