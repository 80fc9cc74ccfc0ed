// The staff console's tabs. The request queue stays mounted so its live
// count shows on the tab whichever tool is open.
import { useState } from 'react';
import type { ConsoleUser } from '../common/SignIn';
import { DeviceApproval } from './DeviceApproval';
import { LoyaltyDesk } from './LoyaltyDesk';
import { RequestQueue } from './RequestQueue';
import { StockCheck } from './StockCheck';

const TABS = [
  { id: 'requests', label: 'Demandes / Requests' },
  { id: 'loyalty', label: 'Fidélité / Loyalty' },
  { id: 'stock', label: 'Stock' },
  { id: 'devices', label: 'Écrans / Screens' },
] as const;
type Tab = (typeof TABS)[number]['id'];

export function StaffApp(props: { user: ConsoleUser; onSignOut: () => void }) {
  const [tab, setTab] = useState<Tab>('requests');
  const [openCount, setOpenCount] = useState(0);
  return (
    <div className="staff">
      <header>
        <h1>Vitrine · {props.user.name}</h1>
        <button type="button" className="action" onClick={props.onSignOut}>
          Déconnexion / Sign out
        </button>
      </header>
      <nav role="tablist">
        {TABS.map((item) => (
          <button
            key={item.id}
            type="button"
            role="tab"
            aria-selected={tab === item.id}
            onClick={() => setTab(item.id)}
          >
            {item.label}
            {item.id === 'requests' && openCount > 0 ? ` (${openCount})` : ''}
          </button>
        ))}
      </nav>
      <main>
        <div hidden={tab !== 'requests'}>
          <RequestQueue onOpenCount={setOpenCount} />
        </div>
        {tab === 'loyalty' && <LoyaltyDesk />}
        {tab === 'stock' && <StockCheck roles={props.user.roles} />}
        {tab === 'devices' && <DeviceApproval />}
      </main>
    </div>
  );
}
