// The bytes before any line: size and type refused before reading, gzip through real zlib.
import { mkdtempSync, readdirSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { openFeed, readFeed } from '@vitrine/shared/node';

const scratch = mkdtempSync(join(tmpdir(), 'vitrine-open-feed-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function readlinkOrEmpty(fd: string): string {
  try {
    return readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    return ''; // the directory's own descriptor, gone once listed
  }
}

async function bytesOf(path: string, limits?: Parameters<typeof openFeed>[1]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of openFeed(path, limits)) chunks.push(chunk);
  return Buffer.concat(chunks);
}

describe('openFeed', () => {
  it('refuses a 2 GB file by its size before reading a byte (a sparse file of NULs)', async () => {
    const path = join(scratch, 'huge.tsv');
    writeFileSync(path, '');
    await truncate(path, 2 * 1024 ** 3);
    // Read, its NULs would say "binary": the size answers first.
    const feed = readFeed(path, 'products', {
      context: { currency: 'EUR', timeZone: 'Europe/Paris' },
    });
    await expect(feed.next()).rejects.toThrow('the file is 2.0 GiB; a feed may be at most 1.0 GiB');
  });

  it('refuses a directory', async () => {
    await expect(bytesOf(scratch)).rejects.toThrow('not a file');
  });

  it('gunzips by the magic bytes, whatever the name, and passes plain files through', async () => {
    const text = 'id\ttitle\tprice\nA\tB\t1 EUR\n'.repeat(1000);
    const gz = join(scratch, 'feed.bin');
    writeFileSync(gz, gzipSync(text));
    expect((await bytesOf(gz)).toString()).toBe(text);
    const plain = join(scratch, 'feed.tsv.gz');
    writeFileSync(plain, text);
    expect((await bytesOf(plain)).toString()).toBe(text);
  });

  it('reports how far into the file (compressed) each batch of lines is', async () => {
    const path = join(scratch, 'progress.tsv.gz');
    const rows = Array.from({ length: 5000 }, (_, i) => `P-${i}\tProduit ${i}\t${i}.50 EUR`);
    writeFileSync(path, gzipSync(`id\ttitle\tprice\n${rows.join('\n')}\n`));
    const context = { currency: 'EUR', timeZone: 'Europe/Paris' };
    const seen: { lines: number; bytesRead: number; totalBytes: number }[] = [];
    for await (const batch of readFeed(path, 'products', { context })) {
      seen.push({ lines: batch.lines.length, ...batch.progress });
    }
    expect(seen.map((batch) => batch.lines)).toEqual([2000, 2000, 1000]);
    const size = statSync(path).size;
    expect(seen.every((batch) => batch.totalBytes === size)).toBe(true);
    expect(seen.at(-1)?.bytesRead).toBe(size);
  });

  it('a feed of bad lines hands its report on in batches too', async () => {
    const path = join(scratch, 'all-bad.tsv');
    const rows = Array.from({ length: 5000 }, (_, i) => `P-${i}\tProduit ${i}\t12.50 USD`);
    writeFileSync(path, `id\ttitle\tprice\n${rows.join('\n')}\n`);
    const context = { currency: 'EUR', timeZone: 'Europe/Paris' };
    const sizes: number[] = [];
    for await (const batch of readFeed(path, 'products', { context }))
      sizes.push(batch.entries.length);
    expect(sizes).toEqual([2000, 2000, 1000]);
  });

  it('a reader that stops after its first batch leaves no file open', async () => {
    const path = join(scratch, 'stop-early.tsv');
    const rows = Array.from({ length: 20_000 }, (_, i) => `P-${i}\tProduit ${i}\t1.50 EUR`);
    writeFileSync(path, `id\ttitle\tprice\n${rows.join('\n')}\n`);
    const openFiles = () => readdirSync('/proc/self/fd').map((fd) => readlinkOrEmpty(fd));
    const context = { currency: 'EUR', timeZone: 'Europe/Paris' };
    for await (const batch of readFeed(path, 'products', { context })) {
      expect(batch.lines).toHaveLength(2000);
      expect(openFiles()).toContain(path);
      break;
    }
    expect(openFiles()).not.toContain(path);
  });

  it('stops a gzip bomb at the unzipped limit', async () => {
    const path = join(scratch, 'bomb.gz');
    writeFileSync(path, gzipSync(Buffer.alloc(8 * 1024 ** 2, 'a')));
    await expect(
      bytesOf(path, { maxFileBytes: 1024 ** 2, maxTextBytes: 1024 ** 2 }),
    ).rejects.toThrow('the feed unzips to more than 1.0 MiB: refused');
  });

  it('refuses a truncated gzip and corrupt gzip data', async () => {
    const gz = gzipSync('id\ttitle\tprice\n'.repeat(5000));
    const truncated = join(scratch, 'truncated.gz');
    writeFileSync(truncated, gz.subarray(0, gz.length - 20));
    await expect(bytesOf(truncated)).rejects.toThrow(/gzip file is truncated/);
    const corrupt = join(scratch, 'corrupt.gz');
    writeFileSync(corrupt, Buffer.concat([gz.subarray(0, 10), Buffer.alloc(200, 0xff)]));
    await expect(bytesOf(corrupt)).rejects.toThrow(/gzip data is corrupt/);
  });
});
