// Every fixture through the real reader: real files, real zlib, csv-parse and saxes.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { FeedKind, ReportEntry } from '@vitrine/shared/core';
import { afterAll, describe, expect, it } from 'vitest';
import { readFeed, type FeedBatch } from './read-feed';

const fixtures = join(import.meta.dirname, 'fixtures');
const fixture = (name: string) => join(fixtures, name);
const scratch = mkdtempSync(join(tmpdir(), 'vitrine-feeds-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const EUR_PARIS = { currency: 'EUR', timeZone: 'Europe/Paris' };

async function read<K extends FeedKind>(path: string, kind: K, context = EUR_PARIS) {
  const lines: FeedBatch<K>['lines'] = [];
  const entries: ReportEntry[] = [];
  for await (const batch of readFeed(path, kind, { context })) {
    lines.push(...batch.lines);
    entries.push(...batch.entries);
  }
  return { lines, entries };
}

const brief = (entries: ReportEntry[]) =>
  entries.map(({ line, field, action }) => `${line} ${field} ${action}`);

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
        action: 'warning',
      },
      {
        file: 'products-unknown-column.tsv',
        line: 1,
        field: 'Energy Label Colour',
        problem: 'unknown column "Energy Label Colour": ignored',
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

describe('inventory and food feeds', () => {
  it('reads local inventory by store: quantities, prices, sales, aisles; refuses bad lines', async () => {
    const { lines, entries } = await read(fixture('inventory.tsv'), 'inventory');
    expect(lines).toEqual([
      {
        line: 2,
        storeCode: 'PAR-01',
        id: 'SHOE-1-38',
        quantity: 3,
        price: { minor: 5990, currency: 'EUR' },
        availability: 'in_stock',
        pickupMethod: 'buy',
        aisle: 'Allée 4',
      },
      { line: 3, storeCode: 'PAR-01', id: 'SHOE-1-39', quantity: 0, availability: 'out_of_stock' },
      {
        line: 4,
        storeCode: 'LYO-02',
        id: 'PAN-1',
        quantity: 12,
        price: { minor: 123450, currency: 'EUR' },
        sale: {
          minor: 99900,
          startsAt: '2026-02-28T23:00:00.000Z',
          endsAt: '2026-03-31T22:00:00.000Z',
        },
        availability: 'in_stock',
        pickupMethod: 'reserve',
        aisle: 'B12',
      },
    ]);
    expect(brief(entries)).toEqual([
      '5 quantity rejected',
      '6 store_code rejected',
      '7 price rejected',
    ]);
  });

  it('reads Open Food Facts columns; bad facts are warnings, a duplicate id is refused', async () => {
    const { lines, entries } = await read(fixture('food.tsv'), 'food');
    expect(lines).toEqual([
      {
        line: 2,
        id: 'CHEESE-1',
        ingredients: {
          text: 'Lait cru de vache, sel, présure',
          byLanguage: { en: 'Raw cow milk, salt, rennet' },
        },
        allergens: ['en:milk'],
        origins: { text: 'France', byLanguage: {} },
        nutritionBasis: '100g',
        nutriments: {
          energyKcal: 404,
          fat: 34,
          saturatedFat: 21,
          carbohydrates: 0.5,
          sugars: 0.5,
          protein: 24,
          salt: 1.8,
          fibre: 0,
        },
        nutriscoreGrade: 'd',
      },
      {
        line: 3,
        id: 'JUICE-1',
        ingredients: { text: "Jus d'orange", byLanguage: { en: 'Orange juice' } },
        origins: { text: 'Espagne', byLanguage: {} },
        nutritionBasis: '100ml',
        nutriments: {
          energyKcal: 45,
          fat: 0,
          saturatedFat: 0,
          carbohydrates: 10,
          sugars: 9,
          protein: 0.5,
          salt: 0,
          fibre: 0.5,
        },
        nutriscoreGrade: 'c',
      },
      {
        line: 4,
        id: 'BAR-1',
        ingredients: { text: 'Chocolat', byLanguage: { en: 'Chocolate' } },
        allergens: ['en:milk', 'en:soybeans'],
        traces: ['en:nuts'],
        nutriments: { fat: 30 },
      },
    ]);
    expect(brief(entries)).toEqual([
      '4 energy-kcal_100g warning',
      '4 nutriscore_grade warning',
      '5 id rejected',
    ]);
  });
});
