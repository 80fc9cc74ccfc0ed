// The remote expert console: sign in (role expert), then the desk, in the
// language chosen.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConsoleGate } from '../common/ConsoleGate';
import { ExpertDesk } from './ExpertDesk';
import { TextProvider } from './i18n';
import { messages } from './messages';
import './expert.css';

const root = document.getElementById('root');
if (!root) throw new Error('expert.html has no #root');
createRoot(root).render(
  <StrictMode>
    <ConsoleGate
      title={{ fr: messages.fr.title, en: messages.en.title }}
      roles={['expert']}
      noRole={{ fr: messages.fr.noRole, en: messages.en.noRole }}
    >
      {({ user, lang, setLang, signOut, store }) => (
        <TextProvider lang={lang} currency={store?.currency}>
          <ExpertDesk user={user} onLang={setLang} onSignOut={signOut} />
        </TextProvider>
      )}
    </ConsoleGate>
  </StrictMode>,
);
