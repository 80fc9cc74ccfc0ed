// The shopper's language for one session, and number/price formatting in it.
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { messages, type Lang, type Messages } from './messages';

export type I18n = {
  lang: Lang;
  t: Messages;
  price: (cents: number) => string;
  number: (value: number, digits?: number) => string;
  /** A calendar day ("2026-11-17") as the language writes it: 17/11/2026 in both (en-GB, not en-US). */
  date: (iso: string) => string;
};

const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };

export function makeI18n(lang: Lang): I18n {
  const currency = new Intl.NumberFormat(LOCALES[lang], { style: 'currency', currency: 'EUR' });
  // A day, not an instant: read in UTC so no time zone moves it to the day before.
  const calendar = new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'short', timeZone: 'UTC' });
  return {
    lang,
    t: messages[lang],
    price: (cents) => currency.format(cents / 100),
    number: (value, digits = 1) =>
      value.toLocaleString(LOCALES[lang], { maximumFractionDigits: digits }),
    date: (iso) => calendar.format(new Date(iso)),
  };
}

const I18nContext = createContext<I18n>(makeI18n('fr'));

export function I18nProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  const value = useMemo(() => makeI18n(lang), [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
