// The staff console's tabs. The request queue stays mounted so its live
// count shows on the tab whichever tool is open.
import { useState } from 'react';
import { LangSwitch, type ConsoleLang } from '@vitrine/shared/console-kit';
import type { ConsoleUser } from '../common/SignIn';
import { CatalogueExport } from './CatalogueExport';
import { CatalogueImport } from './CatalogueImport';
import { DeviceApproval } from './DeviceApproval';
import { InsightsView } from './insights/InsightsView';
import { LoyaltyDesk } from './LoyaltyDesk';
import { RequestQueue } from './RequestQueue';
import { SignInAudit } from './SignInAudit';
import { StockCheck } from './StockCheck';
import { useText } from './i18n';

const TABS = [
  { id: 'requests' },
  { id: 'loyalty' },
  { id: 'stock' },
  { id: 'devices' },
  { id: 'insights', managersOnly: true },
  { id: 'catalogue', managersOnly: true },
  { id: 'signIns', managersOnly: true },
] as const;
type Tab = (typeof TABS)[number]['id'];

const isManager = (roles: readonly string[]) =>
  roles.some((role) => role === 'manager' || role === 'admin');

export function StaffApp(props: {
  user: ConsoleUser;
  onLang: (lang: ConsoleLang) => void;
  onSignOut: () => void;
}) {
  const { t, lang } = useText();
  const [tab, setTab] = useState<Tab>('requests');
  const [openCount, setOpenCount] = useState(0);
  const tabs = TABS.filter((item) => !('managersOnly' in item) || isManager(props.user.roles));
  return (
    <div className="staff">
      <header>
        <h1>Vitrine · {props.user.name}</h1>
        <LangSwitch lang={lang} onLang={props.onLang} className="action" />
        <button type="button" className="action" onClick={props.onSignOut}>
          {t.signOut}
        </button>
      </header>
      <nav role="tablist">
        {tabs.map((item) => (
          <button
            key={item.id}
            type="button"
            role="tab"
            aria-selected={tab === item.id}
            onClick={() => setTab(item.id)}
          >
            {t.tabs[item.id]}
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
        {tab === 'catalogue' && (
          <>
            <CatalogueImport />
            <CatalogueExport />
          </>
        )}
        {tab === 'signIns' && <SignInAudit />}
        {tab === 'insights' && <InsightsView />}
      </main>
    </div>
  );
}
