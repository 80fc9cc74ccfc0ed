// The manager's catalogue download: the store's current catalogue as the
// feeds the importer reads (products, stock per store, food facts, stores),
// in the format chosen, gzipped or not. The session token goes in a header,
// so the file is fetched and handed to the browser as a download.
import { useState } from 'react';
import { EXPORT_FORMATS, FEED_KINDS, type FeedKind } from '@vitrine/shared/core';
import { client } from '../common/api';
import { refusal } from '../common/refusal';
import { catalogueMessages } from './catalogue-messages';
import { useText } from './i18n';

type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The name the server gives the file (content-disposition), else one of ours. */
function fileNameOf(answer: Response, fallback: string): string {
  const named = /filename="([^"]+)"/.exec(answer.headers.get('content-disposition') ?? '');
  return named?.[1] ?? fallback;
}

async function download(kind: FeedKind, format: ExportFormat, gzip: boolean): Promise<void> {
  const answer = await client.imports.exportFeed({
    params: { kind },
    query: { format, gzip: gzip ? '1' : '0' },
  });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await answer.blob());
  link.download = fileNameOf(answer, `${kind}.${format}${gzip ? '.gz' : ''}`);
  link.click();
  URL.revokeObjectURL(link.href);
}

export function CatalogueExport() {
  const { t: words, lang } = useText();
  const t = catalogueMessages[lang];
  const [format, setFormat] = useState<ExportFormat>('tsv');
  const [gzip, setGzip] = useState(true);
  const [busy, setBusy] = useState<FeedKind | null>(null);
  const [note, setNote] = useState<string | null>(null);

  async function fetchFeed(kind: FeedKind) {
    setNote(null);
    setBusy(kind);
    try {
      await download(kind, format, gzip);
    } catch (caught) {
      setNote(refusal(caught, words));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section aria-labelledby="catalogue-export-title" data-testid="catalogue-export">
      <h2 id="catalogue-export-title">{t.exportTitle}</h2>
      <p>{t.exportIntro}</p>
      <div className="catalogue-form">
        <label>
          <span className="feed-kind">{t.exportFormat}</span>
          <select
            data-testid="export-format"
            value={format}
            onChange={(event) =>
              setFormat(EXPORT_FORMATS.find((each) => each === event.target.value) ?? 'tsv')
            }
          >
            {EXPORT_FORMATS.map((each) => (
              <option key={each} value={each}>
                {t.formats[each]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            data-testid="export-gzip"
            checked={gzip}
            onChange={(event) => setGzip(event.target.checked)}
          />
          <span>{t.exportGzip}</span>
        </label>
        <div className="row">
          {FEED_KINDS.map((kind) => (
            <button
              key={kind}
              type="button"
              className="action"
              data-testid={`export-${kind}`}
              disabled={busy !== null}
              onClick={() => void fetchFeed(kind)}
            >
              {t.exportKind(t.files[kind])}
            </button>
          ))}
        </div>
      </div>
      {busy && <p role="status">{t.exporting(t.files[busy])}</p>}
      {note && <p role="alert">{note}</p>}
    </section>
  );
}
