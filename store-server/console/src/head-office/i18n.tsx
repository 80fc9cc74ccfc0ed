// The console's language: chosen once per browser, French unless the
// browser asks for English; `t` is the typed dictionary.
import { createContext, useContext, type ReactNode } from 'react';
import { messages, type Lang, type Messages } from './messages';

const LANG_KEY = 'vitrine.headOffice.lang';
const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };

export function initialLang(): Lang {
  const saved = localStorage.getItem(LANG_KEY);
  if (saved === 'fr' || saved === 'en') return saved;
  return navigator.language.startsWith('en') ? 'en' : 'fr';
}

export function saveLang(lang: Lang): void {
  localStorage.setItem(LANG_KEY, lang);
  document.documentElement.lang = lang;
}

export type Text = { lang: Lang; t: Messages; locale: string };

const TextContext = createContext<Text>({ lang: 'fr', t: messages.fr, locale: LOCALES.fr });

export function TextProvider(props: { lang: Lang; children: ReactNode }) {
  const value = { lang: props.lang, t: messages[props.lang], locale: LOCALES[props.lang] };
  return <TextContext.Provider value={value}>{props.children}</TextContext.Provider>;
}

export function useText(): Text {
  return useContext(TextContext);
}
