// The remote expert console: sign in (role expert), then the desk.
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { api, session } from '../common/api';
import { SignIn, type ConsoleUser } from '../common/SignIn';
import { ExpertDesk } from './ExpertDesk';
import './expert.css';

function ExpertConsole() {
  const [user, setUser] = useState<ConsoleUser | null | undefined>(undefined);
  useEffect(() => {
    if (!session.token()) return setUser(null);
    api<{ user: ConsoleUser }>('/auth/me').then(
      (me) => setUser(me.user),
      () => setUser(null),
    );
  }, []);
  if (user === undefined) return null;
  if (!user) return <SignIn title="Experts à distance / Remote experts" onSignedIn={setUser} />;
  if (!user.roles.some((role) => role === 'expert' || role === 'admin')) {
    return (
      <p role="alert" style={{ padding: '2rem' }}>
        Ce compte n’a pas le rôle expert / This account has no expert role.
      </p>
    );
  }
  return (
    <ExpertDesk
      user={user}
      onSignOut={() => {
        void api('/auth/logout', { method: 'POST' }).finally(() => {
          session.clear();
          setUser(null);
        });
      }}
    />
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('expert.html has no #root');
createRoot(root).render(
  <StrictMode>
    <ExpertConsole />
  </StrictMode>,
);
