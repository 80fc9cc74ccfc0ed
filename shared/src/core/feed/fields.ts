// One feed value → a typed value, or why it is not one. Prices become integer
// minor units with the currency's own number of decimals (core/money), GTINs
// GTIN-14 with the check digit verified (core/gtin). Sale dates: effective-dates.ts.
import { gtinCheckDigit, normalizeGtin } from '../gtin';
import { CurrencyCode, minorUnitDigits } from '../money';
import type { Result } from '../parse';

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const no = <T>(error: string): Result<T> => ({ ok: false, error });

export type Price = { minor: number; currency: string };

const digitsByCurrency = new Map<string, number | null>();

/**
 * The minor-unit digits of an ISO 4217 code, or undefined for a code that is not
 * one (Intl formats any three letters, XYZ too; its list of supported codes is
 * ISO 4217's). Cached: a feed asks millions of times, and Intl answers slowly.
 */
function currencyDigits(code: string): number | undefined {
  let digits = digitsByCurrency.get(code);
  if (digits === undefined) {
    const known = CurrencyCode.safeParse(code).success;
    digits = known ? minorUnitDigits(code) : null;
    digitsByCurrency.set(code, digits);
  }
  return digits ?? undefined;
}

const PRICE = /^(?:([A-Za-z]{3})\s*)?(\d[\d\s\u00a0\u202f'.,]*?)\s*(?:([A-Za-z]{3}))?$/;

/**
 * "12.50 EUR", "12,50 EUR", "1 234.50 CHF", "1.234,50 EUR", "1,234 JPY" → minor units
 * and currency. Without a code the store's currency is meant. A lone separator before
 * three digits is refused when the currency has decimals: "1.234 EUR" may be either.
 */
export function parsePrice(text: string, storeCurrency: string): Result<Price> {
  const match = PRICE.exec(text.trim());
  const example = `write it as 12.50 ${storeCurrency}`;
  if (!match) return no(`"${text}" is not a price: ${example}`);
  const [, before, written = '', after] = match;
  if (before && after) return no(`"${text}" names two currencies`);
  const currency = (before ?? after ?? storeCurrency).toUpperCase();
  const digits = currencyDigits(currency);
  if (digits === undefined) return no(`"${currency}" is not an ISO 4217 currency code`);
  const amount = written.replace(/[\s\u00a0\u202f']/g, '');
  const separators = amount.replace(/\d/g, '');
  let whole = amount;
  let fraction = '';
  if (separators.length) {
    const last = amount.search(/[.,][^.,]*$/);
    const decimal = amount.charAt(last);
    const kinds = new Set(separators);
    const lone = separators.length === 1;
    const threeAfter = amount.length - last - 1 === 3;
    if (kinds.size === 1 && !lone) {
      whole = amount.replaceAll(decimal, ''); // 1.234.567: thousands only
    } else if (lone && threeAfter && digits === 0) {
      whole = amount.replace(decimal, '');
    } else if (lone && threeAfter && digits < 3) {
      return no(`"${text}" is ambiguous (thousands or decimals?): ${example}`);
    } else {
      if (amount.indexOf(decimal) !== last) return no(`"${text}" is not a price: ${example}`);
      whole = amount.slice(0, last).replace(/[.,]/g, '');
      fraction = amount.slice(last + 1);
      if (!/^\d+$/.test(whole) || !/^\d+$/.test(fraction))
        return no(`"${text}" is not a price: ${example}`);
    }
  }
  if (fraction.length > digits) {
    return no(`"${text}" has ${fraction.length} decimals; ${currency} has ${digits}`);
  }
  const minorText = `${whole}${fraction.padEnd(digits, '0')}`.replace(/^0+(?=\d)/, '');
  if (minorText.length > 15) return no(`"${text}" is too large a price`);
  return ok({ minor: Number(minorText), currency });
}

/** A GTIN written in a feed → GTIN-14, or why it cannot be scanned. */
export function parseGtin(text: string): Result<string> {
  const code = text.trim().replace(/[\s-]/g, '').replace(/\.0+$/, '');
  if (/^\d+([.,]\d+)?e\+?\d+$/i.test(code)) {
    return no(
      `"${text}" was written in scientific notation by a spreadsheet and lost its last digits: format the column as text and export again`,
    );
  }
  if (!/^\d+$/.test(code) || ![8, 12, 13, 14].includes(code.length)) {
    return no(`"${text}" is not a GTIN (8, 12, 13 or 14 digits)`);
  }
  const gtin = normalizeGtin(code);
  if (!gtin) {
    return no(
      `"${text}" has a wrong check digit (${code.at(-1)}, expected ${gtinCheckDigit(code.slice(0, -1))})`,
    );
  }
  return ok(gtin);
}

export const AVAILABILITIES = [
  'in_stock',
  'out_of_stock',
  'preorder',
  'backorder',
  'limited_availability',
  'on_display_to_order',
] as const;
export type Availability = (typeof AVAILABILITIES)[number];

/** "in stock", "In_Stock" and "in-stock" are all in_stock. */
export function parseAvailability(text: string): Result<Availability> {
  const value = text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  const known = AVAILABILITIES.find((availability) => availability === value);
  return known ? ok(known) : no(`"${text}" is not an availability (${AVAILABILITIES.join(', ')})`);
}

/** "Maison > Cuisine > Casseroles" → its levels, broadest first. */
export function splitProductType(text: string): string[] {
  return text
    .split('>')
    .map((level) => level.trim())
    .filter(Boolean);
}

/** A whole number of units, 0 or more. */
export function parseQuantity(text: string): Result<number> {
  const value = text.trim();
  if (!/^\d{1,9}$/.test(value)) return no(`"${text}" is not a whole number of units`);
  return ok(Number(value));
}

/** A nutriment amount: "12.5", "12,5", "<0.5" (Open Food Facts' "less than" is kept as the bound). */
export function parseAmount(text: string): Result<number> {
  const value = text
    .trim()
    .replace(/^[<~≈]\s*/, '')
    .replace(',', '.');
  if (!/^\d{1,6}(\.\d+)?$/.test(value)) return no(`"${text}" is not an amount (12.5)`);
  return ok(Number(value));
}

export const NUTRISCORE_GRADES = ['a', 'b', 'c', 'd', 'e'] as const;
export type NutriscoreGrade = (typeof NUTRISCORE_GRADES)[number];

export function parseNutriscore(text: string): Result<NutriscoreGrade> {
  const value = text.trim().toLowerCase();
  const grade = NUTRISCORE_GRADES.find((known) => known === value);
  return grade ? ok(grade) : no(`"${text}" is not a Nutri-Score grade (a to e)`);
}

/** "en:milk, en:eggs" or "milk,eggs" → the tags, trimmed, lower case, once each. */
export function splitTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((tag) => tag.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}
