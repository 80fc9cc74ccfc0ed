import { describe, expect, it } from 'vitest';
import { duplicateGuard } from './duplicates';
import { parseFoodLine } from './food-line';
import { parseInventoryLine } from './inventory-line';
import { parseProductLine } from './product-line';

const paris = { file: 'products.tsv', currency: 'EUR', timeZone: 'Europe/Paris' };

describe('parseProductLine', () => {
  it('types a full line: texts and translations, images, sale, GTIN, path, attributes, food', () => {
    const { line, entries } = parseProductLine(
      {
        id: 'SKU-1',
        item_group_id: 'G1',
        title: 'Casserole inox',
        'title@en': 'Stainless pan',
        description: 'Une casserole.',
        image_link: 'https://cdn.example/1.jpg',
        additional_image_link: ['https://cdn.example/2.jpg,https://cdn.example/3.jpg', 'ftp://x/4'],
        price: '39,90 EUR',
        sale_price: '29.90 EUR',
        sale_price_effective_date: '2026-03-29T02:30/2026-04-05T23:59',
        availability: 'in stock',
        gtin: '3017620422003',
        product_type: 'Maison > Cuisine',
        'product_type@en': 'Home > Kitchen',
        material: 'inox',
        allergens: 'en:milk, en:eggs',
        'energy-kcal_100g': '52',
      },
      7,
      paris,
    );
    expect(line).toEqual({
      line: 7,
      id: 'SKU-1',
      itemGroupId: 'G1',
      title: { text: 'Casserole inox', byLanguage: { en: 'Stainless pan' } },
      description: { text: 'Une casserole.', byLanguage: {} },
      images: [
        'https://cdn.example/1.jpg',
        'https://cdn.example/2.jpg',
        'https://cdn.example/3.jpg',
      ],
      price: { minor: 3990, currency: 'EUR' },
      sale: {
        minor: 2990,
        startsAt: '2026-03-29T01:30:00.000Z',
        endsAt: '2026-04-05T21:59:00.000Z',
      },
      availability: 'in_stock',
      gtin: '03017620422003',
      productType: { path: ['Maison', 'Cuisine'], byLanguage: { en: ['Home', 'Kitchen'] } },
      attributes: { material: 'inox' },
      complementaryIds: [],
      pairingIds: [],
      food: { allergens: ['en:milk', 'en:eggs'], nutriments: { energyKcal: 52 } },
    });
    expect(entries).toEqual([
      {
        file: 'products.tsv',
        line: 7,
        field: 'additional_image_link',
        problem: '"ftp://x/4" is not an http(s) link: left out',
        message: { code: 'link_invalid', params: { value: 'ftp://x/4' } },
        action: 'warning',
      },
    ]);
  });

  it('refuses a line without id, title or price, each named', () => {
    const { line, entries } = parseProductLine({ id: ' ', title: '', brand: 'X' }, 3, paris);
    expect(line).toBeUndefined();
    expect(entries.map((entry) => [entry.field, entry.action])).toEqual([
      ['id', 'rejected'],
      ['title', 'rejected'],
      ['price', 'rejected'],
    ]);
  });

  it('refuses a price in another currency, keeps a bad GTIN as a warning, cuts a long description', () => {
    const chf = parseProductLine({ id: 'a', title: 'A', price: '12.50 CHF' }, 2, paris);
    expect(chf.line).toBeUndefined();
    expect(chf.entries[0]?.problem).toBe('price in CHF; this store sells in EUR');
    const long = parseProductLine(
      { id: 'b', title: 'B', price: '1 EUR', gtin: '3.01762E+12', description: 'x'.repeat(6000) },
      3,
      paris,
    );
    expect(long.line?.gtin).toBeUndefined();
    expect(long.line?.description?.text).toHaveLength(5000);
    expect(long.entries.map((entry) => [entry.field, entry.action])).toEqual([
      ['description', 'warning'],
      ['gtin', 'warning'],
    ]);
  });

  it('drops a sale at or above the price, and refuses a sale that ends before it starts', () => {
    const above = parseProductLine(
      { id: 'a', title: 'A', price: '10 EUR', sale_price: '12 EUR' },
      2,
      paris,
    );
    expect(above.line?.sale).toBeUndefined();
    expect(above.entries[0]?.action).toBe('warning');
    const backwards = parseProductLine(
      {
        id: 'a',
        title: 'A',
        price: '10 EUR',
        sale_price: '8 EUR',
        sale_price_effective_date: '2026-05-02/2026-05-01',
      },
      2,
      paris,
    );
    expect(backwards.line).toBeUndefined();
    expect(backwards.entries[0]).toMatchObject({
      field: 'sale_price_effective_date',
      action: 'rejected',
    });
  });
  it('a single-valued column given twice keeps the first, with one warning', () => {
    const { line, entries } = parseProductLine(
      { id: 'a', title: 'A', price: ['10 EUR', '12 EUR'] },
      2,
      paris,
    );
    expect(line?.price.minor).toBe(1000);
    expect(entries).toMatchObject([
      { field: 'price', problem: 'given 2 times: the first is kept' },
    ]);
  });
});

describe('duplicateGuard', () => {
  it('refuses a second line with the same id naming the first, drops a second GTIN with a warning', () => {
    const guard = duplicateGuard('products.tsv');
    const line = (id: string, at: number) =>
      parseProductLine({ id, title: id, price: '1 EUR', gtin: '3017620422003' }, at, paris).line!;
    const entries: Parameters<typeof guard.product>[1] = [];
    expect(guard.product(line('a', 2), entries)?.gtin).toBe('03017620422003');
    expect(guard.product(line('b', 3), entries)).toMatchObject({ id: 'b' });
    expect(guard.product(line('b', 3), entries)?.gtin).toBeUndefined();
    expect(guard.product(line('a', 9), entries)).toBeUndefined();
    expect(entries.map((entry) => entry.problem)).toEqual([
      'GTIN 03017620422003 is already on line 2 (id "a"): kept without it (not scannable)',
      'id "b" is already on line 3: this line is refused',
      'id "a" is already on line 2: this line is refused',
    ]);
  });
});

describe('parseInventoryLine and parseFoodLine', () => {
  it('types a local inventory line and refuses a negative quantity', () => {
    const context = { ...paris, file: 'inventory.tsv' };
    expect(
      parseInventoryLine(
        {
          store_code: 'PAR-01',
          id: 'SKU-1',
          quantity: '3',
          price: '39.90 EUR',
          availability: 'in_stock',
          instore_product_location: 'A12',
        },
        2,
        context,
      ),
    ).toEqual({
      line: {
        line: 2,
        storeCode: 'PAR-01',
        id: 'SKU-1',
        quantity: 3,
        price: { minor: 3990, currency: 'EUR' },
        availability: 'in_stock',
        aisle: 'A12',
      },
      entries: [],
    });
    const bad = parseInventoryLine(
      { store_code: 'PAR-01', id: 'SKU-1', quantity: '-2' },
      3,
      context,
    );
    expect(bad.line).toBeUndefined();
    expect(bad.entries[0]).toMatchObject({ field: 'quantity', action: 'rejected' });
  });

  it('types a food line; a bad fact is a warning, a missing id a rejection', () => {
    const context = { ...paris, file: 'food.tsv' };
    const food = parseFoodLine(
      {
        id: 'CHEESE-1',
        ingredients_text: 'Lait cru, sel',
        'ingredients_text@en': 'Raw milk, salt',
        fat_100g: '28,5',
        sugars_100g: 'lots',
        nutriscore_grade: 'D',
      },
      4,
      context,
    );
    expect(food.line).toEqual({
      line: 4,
      id: 'CHEESE-1',
      ingredients: { text: 'Lait cru, sel', byLanguage: { en: 'Raw milk, salt' } },
      nutriments: { fat: 28.5 },
      nutriscoreGrade: 'd',
    });
    expect(food.entries).toMatchObject([{ field: 'sugars_100g', action: 'warning' }]);
    expect(parseFoodLine({ fat_100g: '1' }, 5, context).entries).toMatchObject([
      { field: 'id', action: 'rejected' },
    ]);
  });
});
