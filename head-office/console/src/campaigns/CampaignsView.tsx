// Head office's campaigns: the list (a page at a time), a new one or a published one in the
// shared editor, and withdrawal. Publishing signs the campaign and queues it to the stores its targeting names.
import { useCallback, useState } from 'react';
import { emptyDraft, type ConsoleLang, type Draft } from '@vitrine/shared/console-kit';
import { failure, hq } from '../api';
import { useText } from '../i18n';
import { Notice, type NoticeState } from '../Notice';
import { usePages } from '../use-pages';
import { CampaignList } from './CampaignList';
import { PublishEditor } from './PublishEditor';

export function CampaignsView(props: { lang: ConsoleLang }) {
  const { t } = useText();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [notice, setNotice] = useState<NoticeState>(null);
  const load = useCallback(async (after: string | undefined) => {
    const answer = await hq.campaigns.list({ query: after ? { after } : {} });
    return { rows: answer.campaigns, next: answer.next };
  }, []);
  const pages = usePages(load, t.unreachable);

  if (draft) {
    return (
      <PublishEditor
        initial={draft}
        lang={props.lang}
        onPublished={(text) => {
          setDraft(null);
          setNotice({ kind: 'status', text });
          pages.reload();
        }}
        onClose={() => setDraft(null)}
      />
    );
  }
  return (
    <>
      <p>
        <button type="button" className="primary" onClick={() => setDraft(emptyDraft())}>
          {t.newCampaign}
        </button>
      </p>
      <Notice notice={notice} />
      <CampaignList
        pages={pages}
        onNotice={setNotice}
        onEdit={(campaign) => {
          hq.campaigns
            .draft({ params: { id: campaign.id } })
            .then(setDraft, (caught: unknown) =>
              setNotice({ kind: 'alert', text: `${t.refused} ${failure(caught, t.unreachable)}` }),
            );
        }}
      />
    </>
  );
}
