// Campaigns with their status and what the signed-in role may do next: an
// editor edits and submits, a publisher approves (signs and publishes),
// sends back, or withdraws (which also clears an emergency).
import { useState } from 'react';
import { ApiCallError } from '../common/api';
import {
  campaignAction,
  type CampaignAction,
  type CampaignRecord,
  type Refusal,
} from './head-office-api';
import { useText } from './i18n';

export function CampaignList(props: {
  campaigns: CampaignRecord[];
  refusals: Refusal[];
  canEdit: boolean;
  canPublish: boolean;
  onEdit: (record: CampaignRecord) => void;
  onChanged: () => void;
}) {
  const { t, locale } = useText();
  const [error, setError] = useState<string | null>(null);
  const act = async (id: string, action: CampaignAction) => {
    setError(null);
    try {
      await campaignAction(id, action);
    } catch (caught) {
      setError(caught instanceof ApiCallError ? caught.message : t.unreachable);
    }
    props.onChanged();
  };
  const button = (record: CampaignRecord, action: CampaignAction, label: string) => (
    <button
      type="button"
      className={action === 'approve' ? 'primary' : 'action'}
      onClick={() => void act(record.id, action)}
    >
      {label}
    </button>
  );

  return (
    <section>
      {error && (
        <p role="alert" className="refusal">
          {t.refused} {error}
        </p>
      )}
      {props.campaigns.length === 0 ? (
        <p>{t.noCampaigns}</p>
      ) : (
        <table>
          <tbody>
            {props.campaigns.map((record) => (
              <tr key={record.id} data-campaign={record.id} data-status={record.status}>
                <td>
                  <strong>{record.body.name}</strong>
                  <br />
                  <small>
                    {record.id} · {t.revision} {record.revision} ·{' '}
                    {new Date(record.updatedAt).toLocaleString(locale)}
                  </small>
                  {record.liveRevision !== null && record.status !== 'published' && (
                    <>
                      <br />
                      <small data-testid="live-revision">
                        {t.stillPlaying(record.liveRevision)}
                      </small>
                    </>
                  )}
                  {record.approvals.at(-1)?.selfApproved && (
                    <>
                      <br />
                      <small>{t.selfApproved(record.approvals.at(-1)?.approvedBy ?? '')}</small>
                    </>
                  )}
                </td>
                <td className="status">{t.status[record.status]}</td>
                <td>
                  {props.canEdit && record.status !== 'submitted' && (
                    <button type="button" className="action" onClick={() => props.onEdit(record)}>
                      {t.edit}
                    </button>
                  )}
                  {props.canEdit && record.status === 'draft' && button(record, 'submit', t.submit)}
                  {props.canPublish &&
                    record.status === 'submitted' &&
                    button(record, 'approve', t.approve)}
                  {props.canPublish &&
                    record.status === 'submitted' &&
                    button(record, 'reject', t.reject)}
                  {props.canPublish &&
                    record.liveRevision !== null &&
                    button(record, 'withdraw', t.withdraw)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.refusals.length > 0 && (
        <details>
          <summary>
            {t.refusals} ({props.refusals.length})
          </summary>
          <ul>
            {props.refusals.map((refusal, index) => (
              <li key={index} data-refusal={refusal.heldRevision ? 'replay' : 'content'}>
                {new Date(refusal.at).toLocaleString(locale)} · {refusal.campaignId ?? '?'} ·{' '}
                {refusal.revision && refusal.heldRevision
                  ? t.replayRefused(refusal.revision, refusal.heldRevision)
                  : refusal.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
