// The one way a Vitrine screen or console gets its words: each app keeps its
// own typed fr/en dictionary and gets a provider and a hook for it here; the
// provider also fixes the store's currency, so `price` writes every amount in it.
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { formatsFor, type Formats, type Lang } from '../../core/i18n';

export type Text<M> = Formats & { t: M };

export function createText<M>(messages: Record<Lang, M>) {
  const textOf = (lang: Lang, currency?: string): Text<M> => ({
    ...formatsFor(lang, currency),
    t: messages[lang],
  });
  const TextContext = createContext<Text<M>>(textOf('fr'));

  function TextProvider(props: { lang: Lang; currency?: string | undefined; children: ReactNode }) {
    const value = useMemo(() => textOf(props.lang, props.currency), [props.lang, props.currency]);
    return <TextContext.Provider value={value}>{props.children}</TextContext.Provider>;
  }

  function useText(): Text<M> {
    return useContext(TextContext);
  }

  return { TextProvider, useText, textOf };
}
