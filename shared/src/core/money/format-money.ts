// Prices travel as integers in the currency's minor unit (cents for EUR,
// pence for GBP, whole yen for JPY): Intl knows how many digits each currency
// has, so the same integer is written right for any store's currency.
import { z } from 'zod';

/** An ISO 4217 code Intl knows (EUR, CHF, GBP, JPY…). */
export const CurrencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code, e.g. EUR')
  .refine((code) => isKnownCurrency(code), 'a currency this runtime can write');
export type CurrencyCode = z.infer<typeof CurrencyCode>;

/** The currency of a store whose settings do not name one. */
export const DEFAULT_CURRENCY = 'EUR';

let isoCodes: Set<string> | undefined;

/** In ISO 4217 as this runtime knows it: Intl formats any three letters (XYZ too), so its own list decides. */
function isKnownCurrency(code: string): boolean {
  isoCodes ??= new Set(Intl.supportedValuesOf('currency'));
  return isoCodes.has(code);
}

const formatters = new Map<string, Intl.NumberFormat>();

// Building an Intl.NumberFormat costs far more than using one: a result list
// writes dozens of prices per render.
function formatterFor(currency: string, locale: string, whole = false): Intl.NumberFormat {
  const key = `${locale}|${currency}|${whole}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      ...(whole ? { trailingZeroDisplay: 'stripIfInteger' as const } : {}),
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** How many digits the currency's minor unit has: 2 for EUR, 0 for JPY. */
export function minorUnitDigits(currency: string): number {
  return formatterFor(currency, 'en').resolvedOptions().maximumFractionDigits ?? 2;
}

/** An amount in minor units, as a reader of `locale` writes it (1250, EUR, fr-FR: "12,50 €"). */
export function formatMoney(minorUnits: number, currency: string, locale: string): string {
  return formatterFor(currency, locale).format(minorUnits / 10 ** minorUnitDigits(currency));
}

/** A round limit written without its zero fraction (5000, EUR, fr-FR: "50 €"; 1250: "12,50 €"). */
export function formatMoneyLimit(minorUnits: number, currency: string, locale: string): string {
  return formatterFor(currency, locale, true).format(minorUnits / 10 ** minorUnitDigits(currency));
}
