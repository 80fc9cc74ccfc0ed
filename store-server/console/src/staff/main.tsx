// The staff console: sign in (role staff), then the desk's tools.
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { api, session } from '../common/api';
import { SignIn, type ConsoleUser } from '../common/SignIn';
import { StaffApp } from './StaffApp';
import './staff.css';

function StaffConsole() {
  const [user, setUser] = useState<ConsoleUser | null | undefined>(undefined);
  useEffect(() => {
    if (!session.token()) return setUser(null);
    api<{ user: ConsoleUser }>('/auth/me').then(
      (me) => setUser(me.user),
      () => setUser(null),
    );
  }, []);
  if (user === undefined) return null;
  if (!user) return <SignIn title="Équipe du magasin / Store staff" onSignedIn={setUser} />;
  if (!user.roles.some((role) => role === 'staff' || role === 'admin')) {
    return (
      <p role="alert" style={{ padding: '2rem' }}>
        Ce compte n’a pas le rôle équipe / This account has no staff role.
      </p>
    );
  }
  return (
    <StaffApp
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
if (!root) throw new Error('staff.html has no #root');
createRoot(root).render(
  <StrictMode>
    <StaffConsole />
  </StrictMode>,
);
