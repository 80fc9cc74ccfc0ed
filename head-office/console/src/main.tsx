// Head office's console: sign in, then stores, campaigns, media, the fleet and the messages
// stores refused, in French or English. Served by head office at /console/.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { initialConsoleLang, saveConsoleLang, type ConsoleLang } from '@vitrine/shared/console-kit';
import '@vitrine/shared/console-kit/desk.css';
import './hq-console.css';
import { hq, session } from './api';
import { HqApp } from './HqApp';
import { TextProvider } from './i18n';
import { SignIn } from './SignIn';

function Console() {
  const [lang, setLangState] = useState<ConsoleLang>(initialConsoleLang);
  const [signedIn, setSignedIn] = useState(() => session.token() !== null);
  const setLang = (next: ConsoleLang) => {
    saveConsoleLang(next);
    setLangState(next);
  };
  const signOut = () => {
    // The session ends at head office too; the tab forgets it whatever the answer.
    void hq.auth.logout().catch(() => undefined);
    session.clear();
    setSignedIn(false);
  };
  return (
    <TextProvider lang={lang}>
      {signedIn ? (
        <HqApp lang={lang} onLang={setLang} onSignOut={signOut} />
      ) : (
        <SignIn lang={lang} onLang={setLang} onSignedIn={() => setSignedIn(true)} />
      )}
    </TextProvider>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <Console />
  </StrictMode>,
);
