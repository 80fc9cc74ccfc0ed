import { describe, expect, it } from 'vitest';
import type { ProductStock } from '../catalogue';
import type { InventoryLine, ProductLine } from './feed-lines';
import { productDocOf, type ProductDocOptions } from './product-doc';
import { stockDocOf } from './stock-doc';

const options: ProductDocOptions = {
  file: 'products.tsv',
  language: 'fr',
  imageSrc: (url) =>
    url.startsWith('https://') ? { src: `/img/${url.length}` } : { problem: 'not https' },
  gtinOwner: (gtin) => (gtin === '00000000000017' ? 'other-product' : undefined),
  productOfItem: (id) => (id === 'DRILL-1' ? 'drill' : undefined),
};

function line(id: string, at: number, extra: Partial<ProductLine> = {}): ProductLine {
  return {
    line: at,
    id,
    itemGroupId: 'tee',
    title: { text: 'T-shirt coton', byLanguage: { en: 'Cotton T-shirt' } },
    images: ['https://cdn.example/tee.jpg'],
    price: { minor: 1500, currency: 'EUR' },
    attributes: { material: 'coton', age_group: 'adult' },
    complementaryIds: [],
    pairingIds: [],
    ...extra,
  };
}

describe('productDocOf', () => {
  it('makes one product of a group: first line for its words, every line a variant, the lowest price', () => {
    const { product, entries } = productDocOf(
      'tee',
      [
        line('TEE-S', 2, {
          size: 'S',
          color: 'Bleu',
          gtin: '03000000000014',
          productType: {
            path: ['Mode', 'T-shirts'],
            byLanguage: { en: ['Fashion', 'T-shirts'] },
          },
          complementaryIds: ['DRILL-1', 'TEE-M'],
        }),
        line('TEE-M', 3, { size: 'M', price: { minor: 1700, currency: 'EUR' } }),
        line('TEE XL', 4, { size: 'XL', images: ['ftp://x'] }),
      ],
      [],
      options,
    );
    expect(product).toMatchObject({
      id: 'tee',
      name: { fr: 'T-shirt coton', en: 'Cotton T-shirt' },
      brand: '',
      department: 'mode',
      categoryPath: [
        { fr: 'Mode', en: 'Fashion' },
        { fr: 'T-shirts', en: 'T-shirts' },
      ],
      priceCents: 1500,
      images: ['/img/27'],
      complementary: ['drill', 'TEE-M'],
      attributes: [
        { key: 'material', value: 'coton' },
        { key: 'age-group', value: 'adult' },
      ],
    });
    expect(product!.variants).toEqual([
      { id: 'TEE-S', gtin: '03000000000014', size: 'S', colour: 'Bleu' },
      { id: 'TEE-M', size: 'M', priceCents: 1700 },
      { id: '0~~TEE~20XL', size: 'XL' },
    ]);
    expect(entries).toEqual([
      {
        file: 'products.tsv',
        line: 4,
        field: 'image_link',
        problem: 'not https: left out',
        message: {
          code: 'left_out',
          params: { cause: { code: 'text', params: { text: 'not https' } } },
        },
        action: 'warning',
      },
    ]);
  });

  it('keeps a GTIN with the product that has it and files a product without a type under Other', () => {
    const { product, entries } = productDocOf(
      'lamp',
      [line('LAMP', 7, { itemGroupId: undefined, gtin: '00000000000017' })],
      [],
      options,
    );
    expect(product!.variants).toEqual([{ id: 'LAMP' }]);
    expect(product!.department).toBe('other');
    expect(entries.map((entry) => entry.field)).toEqual(['gtin', 'product_type']);
  });

  it('takes food facts from the food file over the line, every part optional', () => {
    const { product } = productDocOf(
      'jam',
      [
        line('JAM', 2, {
          food: { allergens: ['en:nuts'], nutriments: { sugars: 50 } },
          pairingIds: ['DRILL-1'],
        }),
      ],
      [{ line: 5, id: 'JAM', nutriments: { sugars: 48, fat: 0.2 }, nutriscoreGrade: 'd' }],
      options,
    );
    expect(product!.food).toEqual({
      allergens: ['en:nuts'],
      nutritionPer100g: { sugars: 48, fat: 0.2 },
      nutriscoreGrade: 'd',
      pairings: ['drill'],
    });
  });

  describe('sales', () => {
    const SALE_START = '2026-11-27T23:00:00.000Z';
    const SALE_END = '2026-12-01T23:00:00.000Z';
    const sale = (minor: number, dates = true) => ({
      minor,
      ...(dates && { startsAt: SALE_START, endsAt: SALE_END }),
    });

    it('gives the product its first line’s sale and a variant its own only where it differs', () => {
      const { product, entries } = productDocOf(
        'tee',
        [
          line('TEE-S', 2, { size: 'S' }),
          line('TEE-M', 3, { size: 'M', sale: sale(1200) }),
          line('TEE-L', 4, { size: 'L', sale: sale(1200) }),
          line('TEE-XL', 5, {
            size: 'XL',
            price: { minor: 1800, currency: 'EUR' },
            sale: sale(1400),
          }),
          line('TEE-XXL', 6, { size: 'XXL', sale: sale(1200, false) }),
        ],
        [],
        options,
      );
      expect(entries.filter((entry) => entry.field.startsWith('sale'))).toEqual([]);
      expect(product!.sale).toEqual({ priceCents: 1200, startsAt: SALE_START, endsAt: SALE_END });
      expect(product!.variants).toEqual([
        { id: 'TEE-S', size: 'S', sale: null }, // its line has no sale
        { id: 'TEE-M', size: 'M' },
        { id: 'TEE-L', size: 'L' },
        {
          id: 'TEE-XL',
          size: 'XL',
          priceCents: 1800,
          sale: { priceCents: 1400, startsAt: SALE_START, endsAt: SALE_END },
        },
        { id: 'TEE-XXL', size: 'XXL', sale: { priceCents: 1200 } }, // open-ended: other dates
      ]);
    });

    it('leaves the sale and the variants alone when no line has one', () => {
      const { product } = productDocOf('tee', [line('TEE-S', 2), line('TEE-M', 3)], [], options);
      expect(product!.sale).toBeUndefined();
      expect(product!.variants.map((variant) => 'sale' in variant)).toEqual([false, false]);
    });

    it('warns about a sale price not below its price and leaves that sale out', () => {
      const { product, entries } = productDocOf(
        'lamp',
        [line('LAMP', 7, { itemGroupId: undefined, sale: sale(1500) })],
        [],
        options,
      );
      expect(product!.sale).toBeUndefined();
      expect(product!.variants).toEqual([{ id: 'LAMP' }]);
      expect(entries).toContainEqual({
        file: 'products.tsv',
        line: 7,
        field: 'sale_price',
        problem: 'a sale price must be below the price: the sale is left out',
        message: { code: 'sale_not_below', params: {} },
        action: 'warning',
      });
    });
  });
});

describe('stockDocOf', () => {
  const stock = (
    storeCode: string,
    id: string,
    extra: Partial<InventoryLine> = {},
  ): InventoryLine => ({
    line: 2,
    storeCode,
    id,
    ...extra,
  });
  const base: ProductStock = {
    id: 'tee',
    levels: [
      { locationId: 'lyon', quantities: { 'TEE-S': 4, GONE: 1 } },
      { locationId: 'paris', quantities: { 'TEE-S': 2, 'TEE-M': 3 }, aisle: 'A1' },
    ],
  };
  const variants = new Set(['TEE-S', 'TEE-M']);

  it('updates only the lines named when incremental, and drops items the product no longer has', () => {
    expect(
      stockDocOf('tee', variants, [stock('paris', 'TEE-M', { quantity: 9 })], base, new Set()),
    ).toEqual({
      id: 'tee',
      levels: [
        { locationId: 'lyon', quantities: { 'TEE-S': 4 } },
        { locationId: 'paris', quantities: { 'TEE-S': 2, 'TEE-M': 9 }, aisle: 'A1' },
      ],
    });
  });

  it('replaces the stores a full feed names; out of stock is 0; no quantity is unknown', () => {
    expect(
      stockDocOf(
        'tee',
        variants,
        [
          stock('paris', 'TEE-M', { availability: 'out_of_stock', aisle: 'B2' }),
          stock('paris', 'TEE-S', { availability: 'in_stock' }),
        ],
        base,
        new Set(['paris', 'nice']),
      ),
    ).toEqual({
      id: 'tee',
      levels: [
        { locationId: 'lyon', quantities: { 'TEE-S': 4 } },
        { locationId: 'paris', quantities: { 'TEE-M': 0 }, aisle: 'B2' },
      ],
    });
  });
});
