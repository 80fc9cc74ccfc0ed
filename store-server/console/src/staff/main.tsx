// The staff console: sign in (role staff), then the desk's tools, in the
// language chosen (the camera scanner's own words follow it too).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '@vitrine/shared/ui/i18n';
import { ConsoleGate } from '../common/ConsoleGate';
import { StaffApp } from './StaffApp';
import { TextProvider } from './i18n';
import { messages } from './messages';
import './staff.css';

const root = document.getElementById('root');
if (!root) throw new Error('staff.html has no #root');
createRoot(root).render(
  <StrictMode>
    <ConsoleGate
      title={{ fr: messages.fr.title, en: messages.en.title }}
      roles={['staff']}
      noRole={{ fr: messages.fr.noRole, en: messages.en.noRole }}
    >
      {({ user, lang, setLang, signOut, store }) => (
        <I18nProvider lang={lang}>
          <TextProvider lang={lang} currency={store?.currency}>
            <StaffApp user={user} onLang={setLang} onSignOut={signOut} />
          </TextProvider>
        </I18nProvider>
      )}
    </ConsoleGate>
  </StrictMode>,
);
