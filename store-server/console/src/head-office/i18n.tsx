// The head-office console's text in the language chosen (common/console-lang.ts
// keeps the choice); `t` is the typed dictionary.
import { createContext, useContext, type ReactNode } from 'react';
import { messages, type Lang, type Messages } from './messages';

const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };

export type Text = { lang: Lang; t: Messages; locale: string };

const TextContext = createContext<Text>({ lang: 'fr', t: messages.fr, locale: LOCALES.fr });

export function TextProvider(props: { lang: Lang; children: ReactNode }) {
  const value = { lang: props.lang, t: messages[props.lang], locale: LOCALES[props.lang] };
  return <TextContext.Provider value={value}>{props.children}</TextContext.Provider>;
}

export function useText(): Text {
  return useContext(TextContext);
}
