// A console's text in the language chosen (console-lang.ts keeps the choice):
// each console has its typed dictionary (a key missing in one language does
// not compile) and gets a provider and a hook for it from here.
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { ConsoleLang } from './console-lang';

/** Dates, numbers and money are written the way a reader of each language expects. */
const CONSOLE_LOCALES: Record<ConsoleLang, string> = { fr: 'fr-FR', en: 'en-GB' };

export type ConsoleText<M> = { lang: ConsoleLang; t: M; locale: string };

export function createConsoleText<M>(messages: Record<ConsoleLang, M>) {
  const textOf = (lang: ConsoleLang): ConsoleText<M> => ({
    lang,
    t: messages[lang],
    locale: CONSOLE_LOCALES[lang],
  });
  const TextContext = createContext<ConsoleText<M>>(textOf('fr'));

  function TextProvider(props: { lang: ConsoleLang; children: ReactNode }) {
    const value = useMemo(() => textOf(props.lang), [props.lang]);
    return <TextContext.Provider value={value}>{props.children}</TextContext.Provider>;
  }

  function useText(): ConsoleText<M> {
    return useContext(TextContext);
  }

  return { TextProvider, useText };
}
