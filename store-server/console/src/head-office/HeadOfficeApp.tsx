// The head-office console's tabs. What each tab offers depends on the roles:
// editors draft and upload, publishers approve and reload screens. A chain store's
// campaigns are written at head office: it only shows them, and says where that is.
import { useEffect, useState } from 'react';
import { Tabs } from '@vitrine/shared/console-kit';
import type { ConsoleUser } from '../common/SignIn';
import { CampaignsView } from './CampaignsView';
import { FeedbackReport } from './feedback/FeedbackReport';
import { FleetView } from './FleetView';
import { client } from '../common/api';
import { listCampaigns } from './head-office-api';
import { useText } from './i18n';
import { ManagedByHeadOffice } from './ManagedByHeadOffice';
import { MediaLibrary } from './MediaLibrary';
import type { Lang } from './messages';
import { ReportsView } from './ReportsView';

const TABS = ['campaigns', 'media', 'fleet', 'reports'] as const;
type Tab = (typeof TABS)[number];

export function HeadOfficeApp(props: {
  user: ConsoleUser;
  onSignOut: () => void;
  onLang: (lang: Lang) => void;
  currency: string | undefined;
  /** Set on a chain store (its hq-link): authoring is head office's. */
  headOffice: { url: string | null } | undefined;
}) {
  const { t, lang } = useText();
  const [tab, setTab] = useState<Tab>('campaigns');
  const [timeZone, setTimeZone] = useState('Europe/Paris');
  // Reports name campaigns and screens as people named them, not by their ids.
  const [campaignNames, setCampaignNames] = useState<ReadonlyMap<string, string>>(new Map());
  const [screenNames, setScreenNames] = useState<ReadonlyMap<string, string>>(new Map());
  const has = (role: string) => props.user.roles.some((r) => r === role || r === 'admin');
  const managed = props.headOffice !== undefined;
  const canEdit = has('editor') && !managed;
  const canPublish = has('publisher') && !managed;
  const canReload = has('publisher');
  useEffect(() => {
    client.fleet.list().then(
      (fleet) => {
        setTimeZone(fleet.timeZone);
        setScreenNames(new Map(fleet.screens.map((screen) => [screen.deviceId, screen.name])));
      },
      () => undefined,
    );
  }, [tab]);
  useEffect(() => {
    if (tab !== 'reports' && tab !== 'fleet') return;
    listCampaigns().then(
      (list) =>
        setCampaignNames(
          new Map(list.campaigns.map((campaign) => [campaign.id, campaign.body.name])),
        ),
      () => undefined,
    );
  }, [tab]);

  return (
    <div className="head-office">
      <header>
        <h1>
          Vitrine · {t.title} · {props.user.name}{' '}
          <small>
            (
            {[has('editor') && t.roles.editor, has('publisher') && t.roles.publisher]
              .filter(Boolean)
              .join(', ')}
            )
          </small>
        </h1>
        <button
          type="button"
          className="action"
          lang={lang === 'fr' ? 'en' : 'fr'}
          onClick={() => props.onLang(lang === 'fr' ? 'en' : 'fr')}
        >
          {t.switchLanguage}
        </button>
        <button type="button" className="action" onClick={props.onSignOut}>
          {t.signOut}
        </button>
      </header>
      <Tabs tabs={TABS} labels={t.tabs} selected={tab} onSelect={setTab} />
      <main>
        {props.headOffice && <ManagedByHeadOffice url={props.headOffice.url} />}
        {tab === 'campaigns' && (
          <CampaignsView
            canEdit={canEdit}
            canPublish={canPublish}
            timeZone={timeZone}
            currency={props.currency}
          />
        )}
        {tab === 'media' && <MediaLibrary canUpload={canEdit} />}
        {tab === 'fleet' && <FleetView canReload={canReload} campaignNames={campaignNames} />}
        {tab === 'reports' && (
          <ReportsView
            timeZone={timeZone}
            campaignNames={campaignNames}
            screenNames={screenNames}
          />
        )}
        {tab === 'reports' && <FeedbackReport />}
      </main>
    </div>
  );
}
