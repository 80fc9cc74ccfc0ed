// The console's tabs, once signed in. Every tab reads and writes through head office's API;
// the users tab shows for admins only (head office refuses the others anyway).
import { useEffect, useState } from 'react';
import type { HqUser } from '@vitrine/shared/core';
import { hq } from './api';
import { LangSwitch, Tabs, type ConsoleLang } from '@vitrine/shared/console-kit';
import { AssistantView } from './assistant/AssistantView';
import { CampaignsView } from './campaigns/CampaignsView';
import { FleetView } from './fleet/FleetView';
import { InsightsView } from './insights/InsightsView';
import { useText } from './i18n';
import { RefusalsView } from './link/RefusalsView';
import { MediaLibrary } from './media/MediaLibrary';
import { ReportsView } from './reports/ReportsView';
import { SettingsView } from './settings/SettingsView';
import { StoresView } from './stores/StoresView';
import { UsersView } from './users/UsersView';

const TABS = [
  'stores',
  'campaigns',
  'media',
  'fleet',
  'settings',
  'refusals',
  'reports',
  'insights',
  'assistant',
  'users',
] as const;
type Tab = (typeof TABS)[number];

export function HqApp(props: {
  lang: ConsoleLang;
  onLang: (lang: ConsoleLang) => void;
  onSignOut: () => void;
}) {
  const { t } = useText();
  const [tab, setTab] = useState<Tab>('stores');
  const [me, setMe] = useState<HqUser | null>(null);
  useEffect(() => {
    hq.auth.me().then(
      (answer) => setMe(answer.user),
      () => setMe(null),
    );
  }, []);
  const tabs = TABS.filter((each) => each !== 'users' || me?.roles.includes('admin'));
  useEffect(() => {
    document.title = `Vitrine · ${t.title} · ${t.tabs[tab]}`;
  }, [t, tab]);
  return (
    <div className="head-office hq-console">
      <header>
        <h1>Vitrine · {t.title}</h1>
        {me && <span data-testid="signed-in-as">{me.name}</span>}
        <LangSwitch lang={props.lang} onLang={props.onLang} className="action" />
        <button type="button" className="action" onClick={props.onSignOut}>
          {t.signOut}
        </button>
      </header>
      <Tabs tabs={tabs} labels={t.tabs} selected={tab} onSelect={setTab} />
      <main>
        {tab === 'stores' && <StoresView />}
        {tab === 'campaigns' && <CampaignsView lang={props.lang} />}
        {tab === 'media' && <MediaLibrary />}
        {tab === 'fleet' && <FleetView />}
        {tab === 'settings' && <SettingsView />}
        {tab === 'refusals' && <RefusalsView />}
        {tab === 'reports' && <ReportsView />}
        {tab === 'insights' && <InsightsView />}
        {tab === 'assistant' && <AssistantView />}
        {tab === 'users' && <UsersView />}
      </main>
    </div>
  );
}
