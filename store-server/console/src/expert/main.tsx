// The remote expert console: sign in (role expert), then the desk.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConsoleGate } from '../common/ConsoleGate';
import { ExpertDesk } from './ExpertDesk';
import './expert.css';

const root = document.getElementById('root');
if (!root) throw new Error('expert.html has no #root');
createRoot(root).render(
  <StrictMode>
    <ConsoleGate
      title={{ fr: 'Experts à distance', en: 'Remote experts' }}
      roles={['expert']}
      noRole={{
        fr: 'Ce compte n’a pas le rôle expert.',
        en: 'This account has no expert role.',
      }}
    >
      {({ user, signOut }) => <ExpertDesk user={user} onSignOut={signOut} />}
    </ConsoleGate>
  </StrictMode>,
);
