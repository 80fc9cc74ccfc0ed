// The head-office console: sign in (editor or publisher), then campaigns,
// media, the fleet and proof-of-play reports, in French or English.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConsoleGate } from '../common/ConsoleGate';
import { HeadOfficeApp } from './HeadOfficeApp';
import '@vitrine/shared/console-kit/desk.css';
import { TextProvider } from './i18n';
import { messages } from './messages';

const root = document.getElementById('root');
if (!root) throw new Error('head-office.html has no #root');
createRoot(root).render(
  <StrictMode>
    <ConsoleGate
      title={{ fr: messages.fr.title, en: messages.en.title }}
      roles={['editor', 'publisher']}
      noRole={{ fr: messages.fr.noRole, en: messages.en.noRole }}
    >
      {({ user, lang, setLang, signOut, store }) => (
        <TextProvider lang={lang} currency={store?.currency}>
          <HeadOfficeApp
            user={user}
            onLang={setLang}
            onSignOut={signOut}
            currency={store?.currency}
            headOffice={store?.headOffice}
          />
        </TextProvider>
      )}
    </ConsoleGate>
  </StrictMode>,
);
