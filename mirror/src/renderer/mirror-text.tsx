// The mirror's words for the session's language, next to the shared
// components' own (I18nProvider): one provider sets both, with the store's
// currency for every price.
import type { ReactNode } from 'react';
import { createText, I18nProvider, type Lang } from '@vitrine/shared/ui';
import { mirrorMessages } from './mirror-messages';

const mirrorText = createText(mirrorMessages);

export function MirrorTextProvider(props: {
  lang: Lang;
  currency: string | undefined;
  children: ReactNode;
}) {
  return (
    <I18nProvider lang={props.lang} currency={props.currency}>
      <mirrorText.TextProvider lang={props.lang} currency={props.currency}>
        {props.children}
      </mirrorText.TextProvider>
    </I18nProvider>
  );
}

export const useMirrorText = mirrorText.useText;
