// Every console speaks one language at a time: the person's choice, kept in
// this browser for all the consoles (one tablet, one person, one language).
export type ConsoleLang = 'fr' | 'en';

const LANG_KEY = 'vitrine.console.lang';
/** Where the head-office console kept the choice before the consoles shared it. */
const OLD_KEYS = ['vitrine.headOffice.lang'];

function isLang(value: string | null): value is ConsoleLang {
  return value === 'fr' || value === 'en';
}

export function initialConsoleLang(): ConsoleLang {
  const saved = [LANG_KEY, ...OLD_KEYS].map((key) => localStorage.getItem(key)).find(isLang);
  const lang = saved ?? (navigator.language.startsWith('en') ? 'en' : 'fr');
  document.documentElement.lang = lang;
  return lang;
}

export function saveConsoleLang(lang: ConsoleLang): void {
  localStorage.setItem(LANG_KEY, lang);
  document.documentElement.lang = lang;
}

/** The other language, for the switch button. */
export const otherLang = (lang: ConsoleLang): ConsoleLang => (lang === 'fr' ? 'en' : 'fr');

/** The switch's label is written in the language it switches to. */
export const SWITCH_LABEL: Record<ConsoleLang, string> = { fr: 'Français', en: 'English' };
