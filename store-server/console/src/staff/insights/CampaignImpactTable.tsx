// What each campaign did for the products it shows: their units and revenue in the store before,
// during and after it ran, beside the visitors and the campaign's plays in each window.
import { useEffect, useState } from 'react';
import type { CampaignImpact } from '@vitrine/shared/core';
import { ImpactHeader, ImpactWindowRow } from '@vitrine/shared/console-kit';
import { client } from '../../common/api';
import { useText } from '../i18n';
import { insightsMessages } from './insights-messages';

export function CampaignImpactTable(props: { currency: string }) {
  const { lang, locale } = useText();
  const t = insightsMessages[lang].impact;
  const [campaigns, setCampaigns] = useState<CampaignImpact[] | null>(null);
  useEffect(() => {
    client.insights.campaigns().then(
      (answer) => setCampaigns(answer.campaigns),
      () => setCampaigns([]),
    );
  }, []);
  if (!campaigns) return null;
  return (
    <section aria-labelledby="impact-title" data-testid="campaign-impact">
      <h3 id="impact-title">{t.title}</h3>
      <p>{t.intro}</p>
      {campaigns.length === 0 && <p>{t.none}</p>}
      {campaigns.length > 0 && (
        <table>
          <thead>
            <ImpactHeader labels={t} lead={<th>{t.campaign}</th>} />
          </thead>
          <tbody>
            {campaigns.flatMap((campaign) =>
              campaign.windows.map((window, i) => (
                <ImpactWindowRow
                  key={`${campaign.campaignId} ${window.phase}`}
                  window={window}
                  currency={props.currency}
                  locale={locale}
                  labels={t}
                  campaignId={campaign.campaignId}
                  lead={<td>{i === 0 ? campaign.name : ''}</td>}
                />
              )),
            )}
          </tbody>
        </table>
      )}
    </section>
  );
}
