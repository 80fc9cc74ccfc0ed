// One feed value → a typed value, or why it is not one. Prices become integer
// minor units with the currency's own number of decimals (core/money), GTINs
// GTIN-14 with the check digit verified (core/gtin). Sale dates: effective-dates.ts.
import { gtinCheckDigit, normalizeGtin } from '../gtin';
import { CurrencyCode, minorUnitDigits } from '../money';
import { reportMessage, reportText, type ReportMessage } from './report-messages';

/** A value, or why it is not one: in English (`error`) and as a report message. */
export type FieldResult<T> =
  { ok: true; value: T } | { ok: false; error: string; message: ReportMessage };

const ok = <T>(value: T): FieldResult<T> => ({ ok: true, value });
const no = <T>(message: ReportMessage): FieldResult<T> => ({
  ok: false,
  error: reportText(message, 'en')!,
  message,
});

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
export function parsePrice(text: string, storeCurrency: string): FieldResult<Price> {
  const match = PRICE.exec(text.trim());
  if (!match) return no(reportMessage('price_not_price', { value: text, currency: storeCurrency }));
  const [, before, written = '', after] = match;
  if (before && after) return no(reportMessage('price_two_currencies', { value: text }));
  const currency = (before ?? after ?? storeCurrency).toUpperCase();
  const digits = currencyDigits(currency);
  if (digits === undefined) return no(reportMessage('currency_unknown', { value: currency }));
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
      return no(reportMessage('price_ambiguous', { value: text, currency: storeCurrency }));
    } else {
      if (amount.indexOf(decimal) !== last)
        return no(reportMessage('price_not_price', { value: text, currency: storeCurrency }));
      whole = amount.slice(0, last).replace(/[.,]/g, '');
      fraction = amount.slice(last + 1);
      if (!/^\d+$/.test(whole) || !/^\d+$/.test(fraction))
        return no(reportMessage('price_not_price', { value: text, currency: storeCurrency }));
    }
  }
  if (fraction.length > digits) {
    return no(
      reportMessage('price_decimals', {
        value: text,
        decimals: fraction.length,
        currency,
        digits,
      }),
    );
  }
  const minorText = `${whole}${fraction.padEnd(digits, '0')}`.replace(/^0+(?=\d)/, '');
  if (minorText.length > 15) return no(reportMessage('price_too_large', { value: text }));
  return ok({ minor: Number(minorText), currency });
}

/** A GTIN written in a feed → GTIN-14, or why it cannot be scanned. */
export function parseGtin(text: string): FieldResult<string> {
  const code = text.trim().replace(/[\s-]/g, '').replace(/\.0+$/, '');
  if (/^\d+([.,]\d+)?e\+?\d+$/i.test(code)) {
    return no(reportMessage('gtin_scientific', { value: text }));
  }
  if (!/^\d+$/.test(code) || ![8, 12, 13, 14].includes(code.length)) {
    return no(reportMessage('gtin_not_gtin', { value: text }));
  }
  const gtin = normalizeGtin(code);
  if (!gtin) {
    return no(
      reportMessage('gtin_check_digit', {
        value: text,
        digit: code.at(-1)!,
        expected: String(gtinCheckDigit(code.slice(0, -1))),
      }),
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
export function parseAvailability(text: string): FieldResult<Availability> {
  const value = text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  const known = AVAILABILITIES.find((availability) => availability === value);
  return known
    ? ok(known)
    : no(reportMessage('availability_unknown', { value: text, known: AVAILABILITIES.join(', ') }));
}

/** "Maison > Cuisine > Casseroles" → its levels, broadest first. */
export function splitProductType(text: string): string[] {
  return text
    .split('>')
    .map((level) => level.trim())
    .filter(Boolean);
}

/** A whole number of units, 0 or more. */
export function parseQuantity(text: string): FieldResult<number> {
  const value = text.trim();
  if (!/^\d{1,9}$/.test(value)) return no(reportMessage('quantity_not_whole', { value: text }));
  return ok(Number(value));
}

/** A nutriment amount: "12.5", "12,5", "<0.5" (Open Food Facts' "less than" is kept as the bound). */
export function parseAmount(text: string): FieldResult<number> {
  const value = text
    .trim()
    .replace(/^[<~≈]\s*/, '')
    .replace(',', '.');
  if (!/^\d{1,6}(\.\d+)?$/.test(value))
    return no(reportMessage('amount_not_amount', { value: text }));
  return ok(Number(value));
}

export const NUTRISCORE_GRADES = ['a', 'b', 'c', 'd', 'e'] as const;
export type NutriscoreGrade = (typeof NUTRISCORE_GRADES)[number];

export function parseNutriscore(text: string): FieldResult<NutriscoreGrade> {
  const value = text.trim().toLowerCase();
  const grade = NUTRISCORE_GRADES.find((known) => known === value);
  return grade ? ok(grade) : no(reportMessage('nutriscore_unknown', { value: text }));
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
