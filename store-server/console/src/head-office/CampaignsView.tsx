// The campaigns tab: the list, or one campaign open in the editor.
import { useCallback, useEffect, useState } from 'react';
import { ApiCallError } from '../common/api';
import { emptyDraft } from '@vitrine/shared/console-kit';
import { CampaignEditor } from './CampaignEditor';
import { CampaignList } from './CampaignList';
import {
  listCampaigns,
  listMedia,
  type CampaignRecord,
  type Draft,
  type MediaRow,
  type Refusal,
} from './head-office-api';
import { useText } from './i18n';

export function CampaignsView(props: {
  canEdit: boolean;
  canPublish: boolean;
  timeZone: string;
  currency: string | undefined;
}) {
  const { t } = useText();
  const [campaigns, setCampaigns] = useState<CampaignRecord[]>([]);
  const [refusals, setRefusals] = useState<Refusal[]>([]);
  const [media, setMedia] = useState<MediaRow[]>([]);
  const [open, setOpen] = useState<{ draft: Draft; isNew: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    Promise.all([listCampaigns(), listMedia()]).then(
      ([list, files]) => {
        setCampaigns(list.campaigns);
        setRefusals(list.refusals);
        setMedia(files);
        setError(null);
      },
      (caught: unknown) =>
        setError(caught instanceof ApiCallError ? caught.message : t.unreachable),
    );
  }, [t]);
  useEffect(load, [load]);

  if (open) {
    return (
      <CampaignEditor
        initial={open.draft}
        isNew={open.isNew}
        media={media}
        timeZone={props.timeZone}
        currency={props.currency}
        onDone={() => {
          setOpen(null);
          load();
        }}
      />
    );
  }
  return (
    <>
      {error && <p role="alert">{error}</p>}
      {props.canEdit && (
        <p>
          <button
            type="button"
            className="primary"
            onClick={() => setOpen({ draft: emptyDraft(), isNew: true })}
          >
            {t.newCampaign}
          </button>
        </p>
      )}
      <CampaignList
        campaigns={campaigns}
        refusals={refusals}
        canEdit={props.canEdit}
        canPublish={props.canPublish}
        onEdit={(record) => setOpen({ draft: record.body, isNew: false })}
        onChanged={load}
      />
    </>
  );
}
