// Local inventory and food feeds through the real reader.
import { describe, expect, it } from 'vitest';
import { brief, fixture, readAll as read } from './feed-test-support';

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
