// The bytes before any line: size and type refused before reading, gzip through real zlib.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { openFeed } from './open-feed';
import { readFeed } from './read-feed';
import { sniffFeed } from './sniff';

const scratch = mkdtempSync(join(tmpdir(), 'vitrine-open-feed-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

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

describe('sniffFeed', () => {
  const sniff = (text: string | Buffer) => sniffFeed(Buffer.from(text), true);

  it('tells XML from tab, comma and semicolon text', () => {
    expect(sniff('<?xml version="1.0"?>\n<!-- export -->\n<rss version="2.0">')).toEqual({
      kind: 'xml',
    });
    expect(sniff('\ufeff<rss version="2.0">')).toEqual({ kind: 'xml' });
    expect(sniff('id\ttitle\tprice, with comma\n')).toEqual({ kind: 'delimited', delimiter: '\t' });
    expect(sniff('\ufeffid,title,price\n')).toEqual({ kind: 'delimited', delimiter: ',' });
    expect(sniff('id;title;price\n')).toEqual({ kind: 'delimited', delimiter: ';' });
  });

  it('refuses web pages, UTF-16, binaries and blank files with a clear message', () => {
    expect(() =>
      sniff('<?xml version="1.0"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN">'),
    ).toThrow('a web page, not a feed');
    expect(() => sniff('\n  <HTML><body>Sign in</body></HTML>')).toThrow('a web page, not a feed');
    expect(() => sniff(Buffer.from('\ufeffid\ttitle', 'utf16le'))).toThrow('UTF-16');
    expect(() => sniff(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toThrow(
      'binary or not UTF-8',
    );
    expect(() => sniff(' \n\r\n')).toThrow('the file is empty');
  });

  it('a multi-byte character cut at the end of the 4 KB head is not taken for bad UTF-8', () => {
    const head = Buffer.from('id\ttitle\nA\tCafé');
    expect(sniffFeed(head.subarray(0, head.length - 1), false)).toEqual({
      kind: 'delimited',
      delimiter: '\t',
    });
    expect(() => sniffFeed(head.subarray(0, head.length - 1), true)).toThrow('binary or not UTF-8');
  });
});
