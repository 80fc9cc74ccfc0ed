// An editor's draft: layout, playlists, targeting, schedule and a preview.
// Saving sends it to the store server, whose refusal (what is wrong, exactly)
// is shown as it is; a saved draft can be submitted to a publisher.
import { useState } from 'react';
import { ApiCallError } from '../common/api';
import { campaignAction, saveDraft, type Draft, type MediaRow } from './head-office-api';
import { useText } from './i18n';
import { CampaignPreview } from './CampaignPreview';
import { LayoutEditor } from './LayoutEditor';
import { PlaylistEditor } from './PlaylistEditor';
import { ScheduleFields } from './ScheduleFields';
import { TargetingFields } from './TargetingFields';

type Outcome = { kind: 'saved' } | { kind: 'refused'; message: string } | null;

export function CampaignEditor(props: {
  initial: Draft;
  isNew: boolean;
  media: MediaRow[];
  timeZone: string;
  onDone: () => void;
}) {
  const { t } = useText();
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
      <div className="row">
        <label>
          {t.campaignId}
          <input
            value={draft.id}
            readOnly={!props.isNew}
            onChange={(e) => setDraft({ ...draft, id: e.target.value })}
          />
        </label>
        <label>
          {t.campaignName}
          <input
            value={draft.name}
            size={30}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          />
        </label>
      </div>
      <LayoutEditor draft={draft} onChange={setDraft} />
      <PlaylistEditor draft={draft} media={props.media} onChange={setDraft} />
      <TargetingFields
        targeting={draft.targeting}
        onChange={(targeting) => setDraft({ ...draft, targeting })}
      />
      <ScheduleFields draft={draft} onChange={setDraft} />
      <CampaignPreview draft={draft} timeZone={props.timeZone} />
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
