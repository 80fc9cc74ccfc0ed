import { describe, expect, it } from 'vitest';
import { formatsFor } from '../../core/i18n';
import { bandFromId, inBand, priceBandsOf } from './price-bands';

const limits = (prices: number[]) => priceBandsOf(prices).map((band) => [band.min, band.max]);

describe('price bands from the catalogue', () => {
  it('cuts at the quartiles, rounded to 1, 2 or 5 times a power of ten', () => {
    // Euro prices in cents, from 2.99 € to 899 €: quartiles ~12, ~40, ~150 €.
    const prices = [299, 890, 1190, 1250, 2990, 3900, 4500, 9900, 14_900, 19_900, 49_900, 89_900];
    expect(limits(prices)).toEqual([
      [0, 1000],
      [1000, 5000],
      [5000, 20_000],
      [20_000, undefined],
    ]);
  });

  it('fits a currency without minor digits as well as one with them', () => {
    // Yen: 300 to 48,000; quartiles 900, 3,800 and 12,000.
    const yen = [300, 480, 900, 1200, 2500, 3800, 9800, 12_000, 25_000, 48_000];
    expect(limits(yen)).toEqual([
      [0, 1000],
      [1000, 5000],
      [5000, 10_000],
      [10_000, undefined],
    ]);
  });

  it('gives fewer bands when prices are few or equal, and none for no products', () => {
    expect(priceBandsOf([])).toEqual([]);
    expect(limits([500, 500, 500])).toEqual([[0, undefined]]);
    // Rounded limits that would leave a band empty are dropped.
    expect(limits([100, 900])).toEqual([[0, undefined]]);
    expect(limits([100, 150, 900, 950])).toEqual([
      [0, 200],
      [200, undefined],
    ]);
  });

  it('puts every price in exactly one band', () => {
    const prices = Array.from({ length: 500 }, (_, i) => 50 + ((i * 7919) % 100_000));
    const bands = priceBandsOf(prices);
    for (const price of prices) {
      expect(bands.filter((band) => inBand(price, band))).toHaveLength(1);
    }
  });

  it('reads a band from its id and refuses what is not one', () => {
    expect(bandFromId('1000-5000')).toEqual({ id: '1000-5000', min: 1000, max: 5000 });
    expect(bandFromId('20000-')).toEqual({ id: '20000-', min: 20_000 });
    expect(bandFromId('5000-1000')).toBeUndefined();
    expect(bandFromId('under-10')).toBeUndefined();
  });

  it('writes limits in the store currency, without a zero fraction', () => {
    expect(formatsFor('fr', 'EUR').priceLimit(5000)).toBe('50\u00a0€');
    expect(formatsFor('en', 'CHF').priceLimit(5000)).toBe('CHF\u00a050');
    expect(formatsFor('en', 'GBP').priceLimit(1250)).toBe('£12.50');
    expect(formatsFor('en', 'JPY').priceLimit(1000)).toBe('JP¥1,000'); // as en-GB writes yen
  });
});
