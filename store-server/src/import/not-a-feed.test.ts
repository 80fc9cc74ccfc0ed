// Files that are not feeds are refused as a whole, with a message a manager can act on.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture, readAll as read } from './feed-test-support';
import { sniffFeed } from '@vitrine/shared/node';

const scratch = mkdtempSync(join(tmpdir(), 'vitrine-not-feeds-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('files that are not feeds', () => {
  it.each([
    ['products-error-page.tsv', 'a web page, not a feed'],
    ['products-binary.tsv', 'binary or not UTF-8'],
    ['products-latin1.tsv', 'binary or not UTF-8'],
  ])('%s is refused: %s', async (name, message) => {
    await expect(read(fixture(name), 'products')).rejects.toThrow(message);
  });

  it('a gzipped feed is read whatever its name; a truncated one is refused', async () => {
    const gz = gzipSync(readFileSync(fixture('products.tsv')));
    const whole = join(scratch, 'products.tsv.gz');
    writeFileSync(whole, gz);
    expect((await read(whole, 'products')).lines.map((line) => line.id)).toEqual([
      'SHOE-1-38',
      'SHOE-1-39',
      'PAN-1',
      'DRILL-7',
    ]);
    const truncated = join(scratch, 'truncated.tsv.gz');
    writeFileSync(truncated, gz.subarray(0, Math.floor(gz.length * 0.6)));
    await expect(read(truncated, 'products')).rejects.toThrow(/gzip file is truncated/);
  });

  it('invalid UTF-8 after the first 4 KB is still refused, with where it is', async () => {
    const path = join(scratch, 'late-latin1.tsv');
    const good = `id\ttitle\tprice\n${Array.from({ length: 400 }, (_, i) => `OK-${i}\tBon\t1.00 EUR`).join('\n')}\n`;
    writeFileSync(
      path,
      Buffer.concat([Buffer.from(good), Buffer.from('L-1\tCaf\xe9\t1.00 EUR\n', 'latin1')]),
    );
    await expect(read(path, 'products')).rejects.toThrow(/not UTF-8 near byte \d+/);
  });
});

describe('a runaway record', () => {
  it('a quote opened early in a big feed stops at the record-size cap, with its line', async () => {
    const path = join(scratch, 'runaway.tsv');
    const lines = Array.from({ length: 120_000 }, (_, i) => `R-${i}\tLigne ${i}\t1.00 EUR`);
    writeFileSync(
      path,
      `id\ttitle\tprice\nOK-1\tBon\t1.00 EUR\nQ-1\t"Ouvert\t1.00 EUR\n${lines.join('\n')}\n`,
    );
    await expect(read(path, 'products')).rejects.toThrow(
      'line 3: a record longer than 2097152 characters (a wrong delimiter or an open quote?)',
    );
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
