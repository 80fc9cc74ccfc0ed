// The console's tabs, once signed in. Every tab reads and writes through head office's API.
import { useEffect, useState } from 'react';
import { LangSwitch, Tabs, type ConsoleLang } from '@vitrine/shared/console-kit';
import { CampaignsView } from './campaigns/CampaignsView';
import { FleetView } from './fleet/FleetView';
import { useText } from './i18n';
import { RefusalsView } from './link/RefusalsView';
import { MediaLibrary } from './media/MediaLibrary';
import { ReportsView } from './reports/ReportsView';
import { StoresView } from './stores/StoresView';

const TABS = ['stores', 'campaigns', 'media', 'fleet', 'refusals', 'reports'] as const;
type Tab = (typeof TABS)[number];

export function HqApp(props: {
  lang: ConsoleLang;
  onLang: (lang: ConsoleLang) => void;
  onSignOut: () => void;
}) {
  const { t } = useText();
  const [tab, setTab] = useState<Tab>('stores');
  useEffect(() => {
    document.title = `Vitrine · ${t.title} · ${t.tabs[tab]}`;
  }, [t, tab]);
  return (
    <div className="head-office hq-console">
      <header>
        <h1>Vitrine · {t.title}</h1>
        <LangSwitch lang={props.lang} onLang={props.onLang} className="action" />
        <button type="button" className="action" onClick={props.onSignOut}>
          {t.signOut}
        </button>
      </header>
      <Tabs tabs={TABS} labels={t.tabs} selected={tab} onSelect={setTab} />
      <main>
        {tab === 'stores' && <StoresView />}
        {tab === 'campaigns' && <CampaignsView lang={props.lang} />}
        {tab === 'media' && <MediaLibrary />}
        {tab === 'fleet' && <FleetView />}
        {tab === 'refusals' && <RefusalsView />}
        {tab === 'reports' && <ReportsView />}
      </main>
    </div>
  );
}
