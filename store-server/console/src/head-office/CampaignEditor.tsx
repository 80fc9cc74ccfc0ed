// An editor's draft: layout, playlists, targeting, schedule and a preview.
// Saving sends it to the store server, whose refusal (what is wrong, exactly)
// is shown as it is; a saved draft can be submitted to a publisher.
import { useState } from 'react';
import { ApiCallError } from '../common/api';
import { CampaignFields, type PreviewSource } from '@vitrine/shared/console-kit';
import {
  campaignAction,
  mediaUrl,
  previewCards,
  saveDraft,
  type Draft,
  type MediaRow,
} from './head-office-api';
import { useText } from './i18n';

const preview: PreviewSource = { mediaUrl, previewCards };

type Outcome = { kind: 'saved' } | { kind: 'refused'; message: string } | null;

export function CampaignEditor(props: {
  initial: Draft;
  isNew: boolean;
  media: MediaRow[];
  timeZone: string;
  /** The store's currency, for the preview's product cards. */
  currency: string | undefined;
  onDone: () => void;
}) {
  const { t, lang } = useText();
  const [draft, setDraft] = useState(props.initial);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [savedOnce, setSavedOnce] = useState(!props.isNew);
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<unknown>, after?: () => void) => {
    setBusy(true);
    setOutcome(null);
    try {
      await work();
      after?.();
    } catch (error) {
      setOutcome({
        kind: 'refused',
        message: error instanceof ApiCallError ? error.message : t.unreachable,
      });
    } finally {
      setBusy(false);
    }
  };
  const save = () =>
    run(
      () => saveDraft(draft),
      () => {
        setSavedOnce(true);
        setOutcome({ kind: 'saved' });
      },
    );
  const submit = () =>
    run(async () => {
      await saveDraft(draft);
      await campaignAction(draft.id, 'submit');
    }, props.onDone);

  return (
    <form
      className="editor"
      onSubmit={(e) => e.preventDefault()}
      aria-label={draft.name || draft.id}
    >
      <CampaignFields
        draft={draft}
        onChange={setDraft}
        isNew={props.isNew}
        media={props.media}
        timeZone={props.timeZone}
        preview={preview}
        lang={lang}
        currency={props.currency}
      />
      {outcome?.kind === 'refused' && (
        <p role="alert" className="refusal">
          {t.refused} {outcome.message}
        </p>
      )}
      {outcome?.kind === 'saved' && <p role="status">{t.saved}</p>}
      <div className="row">
        <button type="button" className="primary" disabled={busy} onClick={() => void save()}>
          {t.saveDraft}
        </button>
        <button
          type="button"
          className="primary"
          disabled={busy || !savedOnce}
          onClick={() => void submit()}
        >
          {t.submit}
        </button>
        <button type="button" className="action" onClick={props.onDone}>
          {t.close}
        </button>
      </div>
    </form>
  );
}
