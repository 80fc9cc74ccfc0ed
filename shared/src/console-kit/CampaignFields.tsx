// Everything a campaign is made of, as both consoles edit it: id and name, layout,
// playlists, targeting, schedule and a preview. The console around it saves, submits or
// publishes, and shows the server's refusal: nothing is checked here.
import type { MediaRow } from '../core';
import type { Draft } from './campaign-draft';
import { CampaignPreview, type PreviewSource } from './CampaignPreview';
import type { EditorLang } from './editor-messages';
import { TextProvider, useText } from './editor-text';
import { LayoutEditor } from './LayoutEditor';
import { PlaylistEditor } from './PlaylistEditor';
import { ScheduleFields } from './ScheduleFields';
import { TargetingFields } from './TargetingFields';

type FieldsProps = {
  draft: Draft;
  onChange: (draft: Draft) => void;
  /** A new campaign's id may be typed; a saved one's may not. */
  isNew: boolean;
  media: MediaRow[];
  /** The zone the "scheduled now" line is told in. */
  timeZone: string;
  preview: PreviewSource;
};

function Fields(props: FieldsProps) {
  const { t } = useText();
  const { draft, onChange } = props;
  return (
    <>
      <div className="row">
        <label>
          {t.campaignId}
          <input
            value={draft.id}
            readOnly={!props.isNew}
            onChange={(e) => onChange({ ...draft, id: e.target.value })}
          />
        </label>
        <label>
          {t.campaignName}
          <input
            value={draft.name}
            size={30}
            onChange={(e) => onChange({ ...draft, name: e.target.value })}
          />
        </label>
      </div>
      <LayoutEditor draft={draft} onChange={onChange} />
      <PlaylistEditor draft={draft} media={props.media} onChange={onChange} />
      <TargetingFields
        targeting={draft.targeting}
        onChange={(targeting) => onChange({ ...draft, targeting })}
      />
      <ScheduleFields draft={draft} onChange={onChange} />
      <CampaignPreview draft={draft} timeZone={props.timeZone} source={props.preview} />
    </>
  );
}

export function CampaignFields(
  props: FieldsProps & { lang: EditorLang; currency?: string | undefined },
) {
  return (
    <TextProvider lang={props.lang} currency={props.currency}>
      <Fields {...props} />
    </TextProvider>
  );
}
