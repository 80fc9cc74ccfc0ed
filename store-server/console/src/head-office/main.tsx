// The head-office console: sign in (editor or publisher), then campaigns,
// media, the fleet and proof-of-play reports, in French or English.
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { api, session } from '../common/api';
import { SignIn, type ConsoleUser } from '../common/SignIn';
import { HeadOfficeApp } from './HeadOfficeApp';
import { initialLang, saveLang, TextProvider } from './i18n';
import { messages, type Lang } from './messages';
import './head-office.css';

const ROLES = ['editor', 'publisher', 'admin'];

function HeadOfficeConsole() {
  const [user, setUser] = useState<ConsoleUser | null | undefined>(undefined);
  const [lang, setLang] = useState<Lang>(initialLang);
  useEffect(() => {
    if (!session.token()) return setUser(null);
    api<{ user: ConsoleUser }>('/auth/me').then(
      (me) => setUser(me.user),
      () => setUser(null),
    );
  }, []);
  if (user === undefined) return null;
  if (!user) return <SignIn title={messages[lang].signInTitle} onSignedIn={setUser} />;
  if (!user.roles.some((role) => ROLES.includes(role))) {
    return (
      <p role="alert" style={{ padding: '2rem' }}>
        {messages[lang].noRole}
      </p>
    );
  }
  return (
    <TextProvider lang={lang}>
      <HeadOfficeApp
        user={user}
        onLang={(next) => {
          saveLang(next);
          setLang(next);
        }}
        onSignOut={() => {
          void api('/auth/logout', { method: 'POST' }).finally(() => {
            session.clear();
            setUser(null);
          });
        }}
      />
    </TextProvider>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('head-office.html has no #root');
createRoot(root).render(
  <StrictMode>
    <HeadOfficeConsole />
  </StrictMode>,
);
