import { describe, expect, it } from 'vitest';
import { canonicalColumn, canonicalFields } from './columns';
import { parseEffectiveDates } from './effective-dates';
import { parseAmount, parseAvailability, parseGtin, parsePrice, splitProductType } from './fields';

describe('parsePrice', () => {
  it.each([
    ['12.50 EUR', 1250, 'EUR'],
    ['12,50 EUR', 1250, 'EUR'],
    ['1 234.50 CHF', 123450, 'CHF'],
    ["1'234.50 CHF", 123450, 'CHF'],
    ['1.234,50 EUR', 123450, 'EUR'],
    ['1,234.5 GBP', 123450, 'GBP'],
    ['EUR 9', 900, 'EUR'],
    ['0.99eur', 99, 'EUR'],
    ['1,234 JPY', 1234, 'JPY'],
    ['1500 JPY', 1500, 'JPY'],
    ['1.234.567 EUR', 123456700, 'EUR'],
    ['7.5', 750, 'EUR'],
  ])('%s → %i %s', (text, minor, currency) => {
    expect(parsePrice(text, 'EUR')).toEqual({ ok: true, value: { minor, currency } });
  });

  it.each([
    ['12.5055 EUR', /4 decimals; EUR has 2/],
    ['12.505 EUR', /ambiguous/],
    ['12.50 JPY', /2 decimals; JPY has 0/],
    ['1.234 EUR', /ambiguous/],
    ['€12.50', /not a price/],
    ['-3.00 EUR', /not a price/],
    ['12.50 XYZ', /not an ISO 4217 currency/],
    ['EUR 12.50 EUR', /two currencies/],
    ['1,2.3,4 EUR', /not a price/],
    ['', /not a price/],
  ])('refuses %s', (text, problem) => {
    const price = parsePrice(text, 'EUR');
    expect(price.ok).toBe(false);
    if (!price.ok) expect(price.error).toMatch(problem);
  });
});

describe('parseGtin', () => {
  it('normalises EAN-13, EAN-8, UPC-A and GTIN-14 to 14 digits', () => {
    expect(parseGtin('3017620422003')).toEqual({ ok: true, value: '03017620422003' });
    expect(parseGtin(' 3017620422003.0 ')).toEqual({ ok: true, value: '03017620422003' });
    expect(parseGtin('96385074')).toEqual({ ok: true, value: '00000096385074' });
    expect(parseGtin('036000291452')).toEqual({ ok: true, value: '00036000291452' });
  });

  it('explains a spreadsheet-mangled code, a wrong length and a wrong check digit', () => {
    expect(parseGtin('3.01762E+12')).toMatchObject({ ok: false, error: /scientific notation/ });
    expect(parseGtin('301762042200')).toMatchObject({
      ok: false,
      error: /wrong check digit \(0, expected 3\)/,
    });
    expect(parseGtin('30176204')).toMatchObject({ ok: false, error: /wrong check digit/ });
    expect(parseGtin('12345')).toMatchObject({ ok: false, error: /not a GTIN/ });
    expect(parseGtin('ABC1234567890')).toMatchObject({ ok: false, error: /not a GTIN/ });
  });
});

describe('parseEffectiveDates', () => {
  it('reads an offset as written and the store zone without one (Paris spring-forward night)', () => {
    expect(parseEffectiveDates('2026-03-29T02:30/2026-04-05T23:59:59', 'Europe/Paris')).toEqual({
      ok: true,
      value: { startsAt: '2026-03-29T01:30:00.000Z', endsAt: '2026-04-05T21:59:59.000Z' },
    });
    expect(parseEffectiveDates('2026-03-01T09:00-0800/2026-03-02T09:00Z', 'Europe/Paris')).toEqual({
      ok: true,
      value: { startsAt: '2026-03-01T17:00:00.000Z', endsAt: '2026-03-02T09:00:00.000Z' },
    });
  });

  it('takes the earlier instant on the fall-back night and a whole day for a bare end date', () => {
    expect(parseEffectiveDates('2026-10-25T02:30/2026-10-31', 'Europe/Paris')).toEqual({
      ok: true,
      value: { startsAt: '2026-10-25T00:30:00.000Z', endsAt: '2026-10-31T23:00:00.000Z' },
    });
    expect(parseEffectiveDates('2026-03-29/', 'Asia/Tokyo')).toEqual({
      ok: true,
      value: { startsAt: '2026-03-28T15:00:00.000Z' },
    });
  });

  it('drops fractions past milliseconds and refuses stray digits after the minutes', () => {
    expect(parseEffectiveDates('2026-03-01T09:00:00.123456Z/', 'UTC')).toEqual({
      ok: true,
      value: { startsAt: '2026-03-01T09:00:00.123Z' },
    });
    expect(parseEffectiveDates('2026-03-01T09:0012/', 'UTC')).toMatchObject({ ok: false });
  });

  it('refuses an end before the start, a non-date and a missing slash', () => {
    expect(parseEffectiveDates('2026-04-05T10:00/2026-04-01T10:00', 'UTC')).toMatchObject({
      ok: false,
      error: /ends before it starts/,
    });
    expect(parseEffectiveDates('tomorrow/2026-04-01', 'UTC')).toMatchObject({ ok: false });
    expect(parseEffectiveDates('2026-02-30T10:00/', 'UTC')).toMatchObject({
      ok: false,
      error: /no such date/,
    });
    expect(parseEffectiveDates('2026-04-01T10:00', 'UTC')).toMatchObject({ ok: false });
  });
});

describe('small fields', () => {
  it('availability, product type levels and food amounts', () => {
    expect(parseAvailability('In Stock')).toEqual({ ok: true, value: 'in_stock' });
    expect(parseAvailability('maybe')).toMatchObject({ ok: false });
    expect(splitProductType(' Maison > Cuisine >> Casseroles ')).toEqual([
      'Maison',
      'Cuisine',
      'Casseroles',
    ]);
    expect(parseAmount('<0,5')).toEqual({ ok: true, value: 0.5 });
    expect(parseAmount('-1')).toMatchObject({ ok: false });
  });
});

describe('columns', () => {
  it('matches Google names, aliases, g: names and language columns, whatever the case', () => {
    expect(canonicalColumn('Image Link', 'products')).toBe('image_link');
    expect(canonicalColumn('g:price', 'products')).toBe('price');
    expect(canonicalColumn('TITLE@EN', 'products')).toBe('title@en');
    expect(canonicalColumn('price@en', 'products')).toBeUndefined();
    expect(canonicalColumn('itemid', 'inventory')).toBe('id');
    expect(canonicalColumn('Energy-kcal_100g', 'food')).toBe('energy-kcal_100g');
    expect(canonicalColumn('store_code', 'products')).toBeUndefined();
  });

  it('names each unknown column once per file and gathers repeated columns', () => {
    const seen = new Set<string>();
    const first = canonicalFields(
      { id: 'a', shoe_width: 'E', additional_image_link: ['x', 'y'], 'Additional Image Link': 'z' },
      'products',
      seen,
    );
    expect(first).toEqual({
      fields: { id: 'a', additional_image_link: ['x', 'y', 'z'] },
      unknown: ['shoe_width'],
    });
    expect(canonicalFields({ id: 'b', shoe_width: 'D' }, 'products', seen).unknown).toEqual([]);
  });
});
