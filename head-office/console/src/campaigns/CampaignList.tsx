// Campaigns with their status, revision and audience; each can be opened in the editor (what it
// was last published as: publishing it again makes its next revision), and a published one
// withdrawn, after a confirmation, from every screen it reached.
import { useState } from 'react';
import type { HqCampaign } from '@vitrine/shared/core';
import { failure, hq } from '../api';
import { useText } from '../i18n';
import type { NoticeState } from '../Notice';
import { PagedTable } from '../PagedTable';
import type { usePages } from '../use-pages';
import { when } from '../when';

export function audienceText(
  audience: HqCampaign['audience'],
  t: { allStores: string; storesList: (ids: string[]) => string },
): string {
  return audience === 'all' ? t.allStores : t.storesList(audience);
}

export function CampaignList(props: {
  pages: ReturnType<typeof usePages<HqCampaign, unknown>>;
  onNotice: (notice: NoticeState) => void;
  onEdit: (campaign: HqCampaign) => void;
}) {
  const { t, locale } = useText();
  const [confirming, setConfirming] = useState<string | null>(null);
  const withdraw = async (campaign: HqCampaign) => {
    setConfirming(null);
    try {
      await hq.campaigns.withdraw({ params: { id: campaign.id } });
      props.onNotice({ kind: 'status', text: t.withdrawn(campaign.id) });
    } catch (caught) {
      props.onNotice({ kind: 'alert', text: `${t.refused} ${failure(caught, t.unreachable)}` });
    }
    props.pages.reload();
  };
  return (
    <section aria-label={t.tabs.campaigns}>
      <PagedTable
        pages={props.pages}
        testId="campaigns"
        empty={t.noCampaigns}
        columns={[t.campaign, t.status, t.revision, t.audience, t.updated, '']}
        row={(campaign) => (
          <tr key={campaign.id} data-campaign={campaign.id}>
            <td>
              <strong>{campaign.name || campaign.id}</strong>
              <br />
              <small>{campaign.id}</small>
            </td>
            <td>{t.campaignStatus[campaign.status]}</td>
            <td>{campaign.revision}</td>
            <td>{audienceText(campaign.audience, t)}</td>
            <td>{when(campaign.updatedAt, locale, t.never)}</td>
            <td>
              <button type="button" className="action" onClick={() => props.onEdit(campaign)}>
                {t.edit}
              </button>
              {campaign.status === 'published' && confirming !== campaign.id && (
                <button
                  type="button"
                  className="action danger"
                  onClick={() => setConfirming(campaign.id)}
                >
                  {t.withdraw}
                </button>
              )}
              {confirming === campaign.id && (
                <div role="alertdialog" aria-label={t.withdraw} className="confirm">
                  <p>{t.withdrawConfirm(campaign.name || campaign.id)}</p>
                  <button
                    type="button"
                    className="primary danger"
                    onClick={() => void withdraw(campaign)}
                  >
                    {t.withdrawYes}
                  </button>
                  <button type="button" className="action" onClick={() => setConfirming(null)}>
                    {t.cancel}
                  </button>
                </div>
              )}
            </td>
          </tr>
        )}
      />
    </section>
  );
}
