// What each campaign did for the products it shows: their units and revenue in the store before,
// during and after it ran, beside the visitors and the campaign's plays in each window.
import { useEffect, useState } from 'react';
import { formatMoney, type CampaignImpact } from '@vitrine/shared/core';
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
            <tr>
              <th>{t.campaign}</th>
              <th>{t.window}</th>
              <th>{t.days}</th>
              <th>{t.units}</th>
              <th>{t.revenue}</th>
              <th>{t.visitors}</th>
              <th>{t.plays}</th>
            </tr>
          </thead>
          <tbody>
            {campaigns.flatMap((campaign) =>
              campaign.windows.map((window, i) => (
                <tr
                  key={`${campaign.campaignId} ${window.phase}`}
                  data-campaign-id={campaign.campaignId}
                  data-phase={window.phase}
                >
                  <td>{i === 0 ? campaign.name : ''}</td>
                  <td>
                    {t.phases[window.phase]} ({window.from}
                    {window.to !== window.from && ` → ${window.to}`})
                  </td>
                  <td>{window.days}</td>
                  <td data-units={window.units}>{window.units}</td>
                  <td>{formatMoney(window.revenue, props.currency, locale)}</td>
                  <td>{window.visitors}</td>
                  <td>{window.plays}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      )}
    </section>
  );
}
