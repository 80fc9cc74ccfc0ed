// A campaign in the editor both consoles share, published from head office in one step:
// signed, then queued to every store its targeting names. Head office's refusal (what is
// wrong, exactly) is shown as it is.
import { useEffect, useState } from 'react';
import {
  CampaignFields,
  type ConsoleLang,
  type Draft,
  type PreviewSource,
} from '@vitrine/shared/console-kit';
import type { MediaRow } from '@vitrine/shared/core';
import { failure, hq } from '../api';
import { useText } from '../i18n';
import { Notice, type NoticeState } from '../Notice';
import { audienceText } from './CampaignList';

// Head office keeps media in the link's object store and serves no file; the preview names
// each image and video instead of showing it, and product cards name the product.
const preview: PreviewSource = {};
/** The editor's time zone line: head office has none, each store schedules in its own. */
const HQ_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

export function PublishEditor(props: {
  initial: Draft;
  lang: ConsoleLang;
  onPublished: (text: string) => void;
  onClose: () => void;
}) {
  const { t } = useText();
  const [draft, setDraft] = useState(props.initial);
  const [media, setMedia] = useState<MediaRow[]>([]);
  const [notice, setNotice] = useState<NoticeState>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    hq.media.list().then(
      (answer) => setMedia(answer.media),
      (caught: unknown) => setNotice({ kind: 'alert', text: failure(caught, t.unreachable) }),
    );
  }, [t]);

  const publish = async () => {
    setBusy(true);
    setNotice(null);
    try {
      const published = await hq.campaigns.publish({ body: draft });
      props.onPublished(
        t.published(published.id, published.revision, audienceText(published.audience, t)),
      );
    } catch (caught) {
      setNotice({ kind: 'alert', text: `${t.refused} ${failure(caught, t.unreachable)}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="editor"
      onSubmit={(e) => e.preventDefault()}
      aria-label={draft.name || draft.id}
    >
      <p className="hint">{t.chainTargeting}</p>
      <CampaignFields
        draft={draft}
        onChange={setDraft}
        isNew
        media={media}
        timeZone={HQ_ZONE}
        preview={preview}
        lang={props.lang}
      />
      <Notice notice={notice} />
      <div className="row">
        <button type="button" className="primary" disabled={busy} onClick={() => void publish()}>
          {t.publish}
        </button>
        <button type="button" className="action" onClick={props.onClose}>
          {t.close}
        </button>
      </div>
    </form>
  );
}
