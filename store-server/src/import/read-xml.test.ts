// RSS 2.0 product feeds through the real reader: real files, real zlib, saxes.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { brief, fixture, readAll as read } from './feed-test-support';

const scratch = mkdtempSync(join(tmpdir(), 'vitrine-feeds-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('XML product feeds', () => {
  it('reads RSS 2.0 with the g: namespace, entities, CDATA and repeated elements', async () => {
    const { lines, entries } = await read(fixture('products.xml'), 'products');
    expect(lines.map((line) => [line.line, line.id])).toEqual([
      [7, 'WINE-1'],
      [23, 'WINE-2'],
    ]);
    expect(lines[0]).toMatchObject({
      title: { text: 'Château & Fils – Bordeaux 2019' },
      description: { text: '<p>Un vin <b>rouge</b> & charpenté.</p>' },
      link: 'https://shop.example.test/wine-1?a=1&b=2',
      images: [
        'https://cdn.example.test/wine-1.jpg',
        'https://cdn.example.test/wine-1-b.jpg',
        'https://cdn.example.test/wine-1-c.jpg',
      ],
      productType: { path: ['Épicerie', 'Vins', 'Rouges'] },
    });
    // The fall-back night's 02:30 is the earlier instant; the end is read with its own offset.
    expect(lines[1]).toMatchObject({
      title: { text: 'Rosé <léger>' },
      sale: {
        minor: 790,
        startsAt: '2026-10-25T00:30:00.000Z',
        endsAt: '2026-10-31T22:59:00.000Z',
      },
    });
    expect(brief(entries)).toEqual(['7 shipping warning', '30 title rejected']);
  });

  it('matches the Google namespace by its URI, whatever the prefix', async () => {
    const { lines, entries } = await read(fixture('products-other-prefix.xml'), 'products', {
      currency: 'CHF',
      timeZone: 'Europe/Zurich',
    });
    expect(lines).toMatchObject([
      { id: 'P-1', title: { text: 'Lampe' }, price: { minor: 2500, currency: 'CHF' } },
    ]);
    expect(entries).toMatchObject([
      { line: 5, field: 'g:price (urn:example:not-google)', action: 'warning' },
    ]);
  });

  it('refuses ill-formed XML with its line', async () => {
    await expect(read(fixture('products-ill-formed.xml'), 'products')).rejects.toThrow(
      /^line 11: ill-formed XML: unexpected close tag/,
    );
  });

  it('a gzipped XML feed is read too', async () => {
    const path = join(scratch, 'feed.xml.gz');
    writeFileSync(path, gzipSync(readFileSync(fixture('products.xml'))));
    expect((await read(path, 'products')).lines).toHaveLength(2);
  });
});

describe('XML that is not a feed', () => {
  it('does not expand DTD entities (billion laughs) and refuses a truncated document', async () => {
    const laughs = join(scratch, 'laughs.xml');
    writeFileSync(
      laughs,
      '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>\n<rss><channel><item><title>&b;</title></item></channel></rss>\n',
    );
    await expect(read(laughs, 'products')).rejects.toThrow(
      'line 3: ill-formed XML: undefined entity',
    );
    const cut = join(scratch, 'cut.xml');
    writeFileSync(cut, readFileSync(fixture('products.xml'), 'utf8').slice(0, 900));
    await expect(read(cut, 'products')).rejects.toThrow(/ill-formed XML: unclosed tag/);
  });

  it('refuses XML that is not RSS 2.0 (an Atom feed) instead of reading 0 lines', async () => {
    const path = join(scratch, 'atom.xml');
    writeFileSync(
      path,
      '<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xmlns:g="http://base.google.com/ns/1.0">\n<entry><g:id>A</g:id></entry></feed>\n',
    );
    await expect(read(path, 'products')).rejects.toThrow(
      'line 2: the XML root is <feed>: export the feed as RSS 2.0 (<rss>)',
    );
  });

  it('refuses an element longer than 2 MiB', async () => {
    const path = join(scratch, 'huge-element.xml');
    const text = 'x'.repeat(3 * 1024 * 1024);
    writeFileSync(
      path,
      `<rss><channel><item><description>${text}</description></item></channel></rss>`,
    );
    await expect(read(path, 'products')).rejects.toThrow(
      /<description> is longer than 2097152 characters/,
    );
  });
});
