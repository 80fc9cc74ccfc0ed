// The languages every Vitrine screen and console speaks, and the way each
// writes prices, numbers, days and counts: all through Intl, so a store in
// another currency or a new language needs no new formatting code.
import { DEFAULT_CURRENCY, formatMoney, formatMoneyLimit } from '../money';

export type Lang = 'fr' | 'en';
export const LANGS: readonly Lang[] = ['fr', 'en'];

/** Dates, numbers and money are written the way a reader of each language expects (en-GB, not en-US). */
export const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };

/** A count's words by CLDR plural category; `#` stands for the count. `zero` is for exactly 0. */
export type PluralForms = {
  zero?: string;
  one?: string;
  few?: string;
  many?: string;
  other: string;
};

/** The forms of a count, picked by the language's own rules (Intl.PluralRules: 0 is singular in French). */
export function plural(lang: Lang, count: number, forms: PluralForms): string {
  const form =
    count === 0 && forms.zero !== undefined
      ? forms.zero
      : (forms[new Intl.PluralRules(LOCALES[lang]).select(count) as keyof PluralForms] ??
        forms.other);
  // The count as digits, as the screens always wrote it (tests and screen readers read it so).
  return form.replaceAll('#', String(count));
}

export type Formats = {
  lang: Lang;
  locale: string;
  /** An amount in the store currency's minor units (cents). */
  price: (minorUnits: number) => string;
  /** A price used as a limit (a filter's band): "50 €", not "50,00 €". */
  priceLimit: (minorUnits: number) => string;
  number: (value: number, digits?: number) => string;
  /** A calendar day ("2026-11-17") as the language writes it: 17/11/2026 in both. */
  date: (iso: string) => string;
};

export function formatsFor(lang: Lang, currency: string = DEFAULT_CURRENCY): Formats {
  const locale = LOCALES[lang];
  // A day, not an instant: read in UTC so no time zone moves it to the day before.
  const calendar = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeZone: 'UTC' });
  return {
    lang,
    locale,
    price: (minorUnits) => formatMoney(minorUnits, currency, locale),
    priceLimit: (minorUnits) => formatMoneyLimit(minorUnits, currency, locale),
    number: (value, digits = 1) => value.toLocaleString(locale, { maximumFractionDigits: digits }),
    date: (iso) => calendar.format(new Date(iso)),
  };
}

/** Fails with the paths of keys one language has and another lacks (message modules are nested objects). */
export function missingKeys(messages: Record<Lang, unknown>): string[] {
  const paths = (value: unknown, prefix: string): string[] =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? Object.entries(value).flatMap(([key, inner]) => [
          `${prefix}${key}`,
          ...paths(inner, `${prefix}${key}.`),
        ])
      : [];
  const byLang = LANGS.map((lang) => new Set(paths(messages[lang], '')));
  const all = new Set(byLang.flatMap((set) => [...set]));
  return [...all].flatMap((path) =>
    LANGS.filter((_, i) => !byLang[i]!.has(path)).map((lang) => `${lang} lacks ${path}`),
  );
}
