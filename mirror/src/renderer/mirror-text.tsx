// The mirror's strings for the session's language, next to the shared
// components' own (I18nProvider): one provider sets both.
import { createContext, useContext, type ReactNode } from 'react';
import { I18nProvider, type Lang } from '@vitrine/shared/ui';
import { mirrorMessages, type MirrorMessages } from './mirror-messages';

const MirrorTextContext = createContext<MirrorMessages>(mirrorMessages.fr);

export function MirrorTextProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  return (
    <I18nProvider lang={lang}>
      <MirrorTextContext.Provider value={mirrorMessages[lang]}>
        {children}
      </MirrorTextContext.Provider>
    </I18nProvider>
  );
}

export function useMirrorText(): MirrorMessages {
  return useContext(MirrorTextContext);
}
