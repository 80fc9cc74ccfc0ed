// The staff console: sign in (role staff), then the desk's tools.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConsoleGate } from '../common/ConsoleGate';
import { StaffApp } from './StaffApp';
import './staff.css';

const root = document.getElementById('root');
if (!root) throw new Error('staff.html has no #root');
createRoot(root).render(
  <StrictMode>
    <ConsoleGate
      title={{ fr: 'Équipe du magasin', en: 'Store staff' }}
      roles={['staff']}
      noRole={{
        fr: 'Ce compte n’a pas le rôle équipe.',
        en: 'This account has no staff role.',
      }}
    >
      {({ user, signOut }) => <StaffApp user={user} onSignOut={signOut} />}
    </ConsoleGate>
  </StrictMode>,
);
