// Delimited product feeds and files that are not feeds, through the real reader:
// real files, real zlib, csv-parse.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { brief, fixture, readAll as read } from './feed-test-support';

const scratch = mkdtempSync(join(tmpdir(), 'vitrine-feeds-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('delimited product feeds', () => {
  it('reads a TSV with variants, translations, a zoned sale, images and a product type', async () => {
    const { lines, entries } = await read(fixture('products.tsv'), 'products');
    expect(entries).toEqual([]);
    expect(lines.map((line) => [line.line, line.id, line.itemGroupId])).toEqual([
      [2, 'SHOE-1-38', 'SHOE-1'],
      [3, 'SHOE-1-39', 'SHOE-1'],
      [4, 'PAN-1', undefined],
      [5, 'DRILL-7', undefined],
    ]);
    const [shoe, , pan] = lines;
    expect(shoe).toMatchObject({
      title: { text: 'Basket Étoile', byLanguage: { en: 'Star sneaker' } },
      price: { minor: 5990, currency: 'EUR' },
      // 02:30 on Paris's spring-forward night does not exist: 03:30 CEST.
      sale: {
        minor: 4490,
        startsAt: '2026-03-29T01:30:00.000Z',
        endsAt: '2026-04-05T21:59:00.000Z',
      },
      gtin: '03017620422003',
      images: [
        'https://cdn.example.test/shoe-1.jpg',
        'https://cdn.example.test/shoe-1-b.jpg',
        'https://cdn.example.test/shoe-1-c.jpg',
      ],
      productType: {
        path: ['Mode', 'Chaussures', 'Baskets'],
        byLanguage: { en: ['Fashion', 'Shoes', 'Sneakers'] },
      },
      googleProductCategory: '187',
      size: '38',
      color: 'blanc',
    });
    expect(pan).toMatchObject({ price: { minor: 123450 }, availability: 'in_stock' });
  });

  it('reads a TSV with a BOM and CRLF, a quoted tab and a quoted newline, with each record’s first line', async () => {
    const { lines, entries } = await read(fixture('products-crlf-bom.tsv'), 'products');
    expect(entries).toEqual([]);
    expect(lines.map((line) => [line.line, line.id, line.title.text])).toEqual([
      [2, 'TEA-1', 'Thé vert'],
      [3, 'TEA-2', 'Thé\tnoir'],
      [5, 'TEA-3', 'Tisane'],
      [7, 'TEA-4', 'Rooibos'],
    ]);
    expect(lines[1]?.description?.text).toBe('Première ligne\r\nseconde ligne');
    expect(lines[2]?.description?.text).toBe('Dit "douce"');
  });

  it('reads a CSV with quoted commas, decimal commas, an aliased header and a stray quote', async () => {
    const { lines, entries } = await read(fixture('products.csv'), 'products');
    expect(entries).toEqual([]);
    expect(lines.map((line) => [line.line, line.id, line.title.text, line.price.minor])).toEqual([
      [2, 'MUG-1', 'Mug', 1250],
      [3, 'MUG-2', 'Mug "XL"', 1400],
      [5, 'MUG-3', 'Mug 27" large', 1500],
    ]);
    expect(lines[0]?.images).toEqual(['https://cdn.example.test/mug.jpg']);
  });

  it('refuses lines missing an id, a title or a price, each with its line', async () => {
    const { lines, entries } = await read(fixture('products-missing.tsv'), 'products');
    expect(lines.map((line) => line.id)).toEqual(['OK-1']);
    expect(brief(entries)).toEqual(['2 id rejected', '3 title rejected', '4 price rejected']);
  });

  it('keeps products with a bad or duplicate GTIN, without the code, and says why', async () => {
    const { lines, entries } = await read(fixture('products-gtins.tsv'), 'products');
    expect(lines.map((line) => [line.id, line.gtin])).toEqual([
      ['G-1', '03017620422003'],
      ['G-2', undefined],
      ['G-3', undefined],
      ['G-4', undefined],
      ['G-5', undefined],
    ]);
    expect(entries.map(({ line, problem }) => `${line}: ${problem}`)).toEqual([
      '3: "3017620422004" has a wrong check digit (4, expected 3): the product is kept without it (not scannable)',
      '4: "3.01762E+12" was written in scientific notation by a spreadsheet and lost its last digits: format the column as text and export again: the product is kept without it (not scannable)',
      '5: GTIN 03017620422003 is already on line 2 (id "G-1"): kept without it (not scannable)',
      '6: "12345" is not a GTIN (8, 12, 13 or 14 digits): the product is kept without it (not scannable)',
    ]);
    expect(entries.every((entry) => entry.action === 'warning' && entry.field === 'gtin')).toBe(
      true,
    );
  });

  it('refuses a second line with an id already used, naming the first line', async () => {
    const { lines, entries } = await read(fixture('products-duplicate-ids.tsv'), 'products');
    expect(lines.map((line) => line.title.text)).toEqual(['Premier', 'Autre']);
    expect(entries).toEqual([
      {
        file: 'products-duplicate-ids.tsv',
        line: 4,
        field: 'id',
        problem: 'id "D-1" is already on line 2: this line is refused',
        message: { code: 'id_duplicate', params: { id: 'D-1', first: 2 } },
        action: 'rejected',
      },
    ]);
  });

  it('takes prices in the store currency only: EUR, CHF and GBP stores each refuse the others', async () => {
    const path = fixture('products-currencies.tsv');
    for (const currency of ['EUR', 'CHF', 'GBP']) {
      const { lines, entries } = await read(path, 'products', {
        currency,
        timeZone: 'Europe/Zurich',
      });
      expect(lines.map((line) => line.id)).toEqual([`C-${currency}`]);
      const refused = entries.filter((entry) => entry.action === 'rejected');
      expect([...new Set(refused.map((entry) => entry.line))]).toEqual(
        [2, 3, 4, 5].filter((line) => line !== { EUR: 2, CHF: 3, GBP: 4 }[currency]),
      );
    }
    const eur = await read(path, 'products');
    expect(eur.entries.find((entry) => entry.line === 5)).toMatchObject({
      field: 'sale_price',
      problem: 'price in GBP; this store sells in EUR',
    });
  });

  it('warns once per file for each unknown column, at the header', async () => {
    const { lines, entries } = await read(fixture('products-unknown-column.tsv'), 'products');
    expect(lines).toHaveLength(3);
    expect(entries).toEqual([
      {
        file: 'products-unknown-column.tsv',
        line: 1,
        field: 'shoe_width',
        problem: 'unknown column "shoe_width": ignored',
        message: { code: 'column_unknown', params: { name: 'shoe_width' } },
        action: 'warning',
      },
      {
        file: 'products-unknown-column.tsv',
        line: 1,
        field: 'Energy Label Colour',
        problem: 'unknown column "Energy Label Colour": ignored',
        message: { code: 'column_unknown', params: { name: 'Energy Label Colour' } },
        action: 'warning',
      },
    ]);
  });

  it('cuts a 1 MB description to 5,000 characters with a warning', async () => {
    const path = join(scratch, 'long-description.tsv');
    const description = 'Très long. '.repeat(100_000);
    writeFileSync(path, `id\ttitle\tprice\tdescription\nLONG-1\tLong\t1.00 EUR\t${description}\n`);
    const { lines, entries } = await read(path, 'products');
    expect(lines[0]?.description?.text).toBe(description.slice(0, 5000));
    expect(entries).toEqual([
      {
        file: 'long-description.tsv',
        line: 2,
        field: 'description',
        problem: `${description.trimEnd().length} characters: cut to 5000`,
        message: { code: 'cut', params: { length: description.trimEnd().length, max: 5000 } },
        action: 'warning',
      },
    ]);
  });

  it('a feed of 0 lines gives no lines and says so; an empty file is refused', async () => {
    const { lines, entries } = await read(fixture('products-header-only.tsv'), 'products');
    expect(lines).toEqual([]);
    expect(entries).toMatchObject([
      { line: 1, problem: 'the feed has no lines', action: 'warning' },
    ]);
    await expect(read(fixture('products-empty.tsv'), 'products')).rejects.toThrow(
      'the file is empty',
    );
  });

  it('stops at an unclosed quote with its line, and refuses a header without the required columns', async () => {
    await expect(read(fixture('products-unclosed-quote.csv'), 'products')).rejects.toThrow(
      'line 3: a quote opened here is never closed: the feed stops',
    );
    await expect(read(fixture('inventory.tsv'), 'products')).rejects.toThrow(
      /line 1: no title column in the header \(store_code, itemid, .*\): is this a products feed\?/,
    );
  });
});
