// The manager's Catalogue tab: choose the feed files, full or incremental,
// upload them with a bar each, run the import and follow it live over SSE
// until it is applied or refused; the recent imports below.
import { useEffect, useState, type FormEvent } from 'react';
import { openSseFeed } from '@vitrine/shared/ui/call';
import {
  apiRoutes,
  FEED_KINDS,
  ImportJob,
  parseJson,
  routeUrl,
  type FeedKind,
  type ImportOptions,
} from '@vitrine/shared/core';
import { client, session } from '../common/api';
import { refusal } from '../common/refusal';
import { catalogueMessages } from './catalogue-messages';
import { ImportJobView } from './ImportJobView';
import { ImportPolicySettings } from './ImportPolicySettings';
import { useText } from './i18n';
import { FileChangedError, uploadFeed } from './upload-feed';

const ENDED = new Set(['applied', 'refused', 'failed', 'interrupted']);

export function CatalogueImport() {
  const { t: words, lang } = useText();
  const t = catalogueMessages[lang];
  const [files, setFiles] = useState<Partial<Record<FeedKind, File>>>({});
  const [options, setOptions] = useState<ImportOptions>({ mode: 'full', language: lang });
  const [upload, setUpload] = useState<{ name: string; sent: number; total: number } | null>(null);
  const [current, setCurrent] = useState<ImportJob | null>(null);
  const [history, setHistory] = useState<ImportJob[]>([]);
  const [note, setNote] = useState<string | null>(null);

  const refresh = () =>
    client.imports.imports().then(
      (answer) => setHistory(answer.imports),
      (caught: unknown) => setNote(refusal(caught, words)),
    );
  useEffect(() => void refresh(), []);

  // Follows the running import until it ends.
  const follow = current?.state === 'running' ? current.id : null;
  useEffect(() => {
    if (!follow) return;
    const stop = openSseFeed(
      routeUrl('', apiRoutes.imports.importEvents, { params: { id: follow } }),
      { authorization: `Bearer ${session.token() ?? ''}` },
      (message) => {
        const job = parseJson(ImportJob, message.data);
        if (!job.ok) return;
        setCurrent(job.value);
        if (ENDED.has(job.value.state)) void refresh();
      },
    );
    return stop;
  }, [follow]);

  async function start(event: FormEvent) {
    event.preventDefault();
    setNote(null);
    const chosen = FEED_KINDS.flatMap((kind) =>
      files[kind] ? [[kind, files[kind]] as const] : [],
    );
    if (chosen.length === 0) return setNote(t.chooseFile);
    try {
      const job = await client.imports.createImport({ body: options });
      for (const [kind, file] of chosen) {
        setUpload({ name: file.name, sent: 0, total: file.size });
        await uploadFeed(job.id, kind, file, (sent, total) =>
          setUpload({ name: file.name, sent, total }),
        );
      }
      setUpload(null);
      setCurrent(await client.imports.runImport({ params: { id: job.id } }));
    } catch (caught) {
      setUpload(null);
      setNote(
        caught instanceof FileChangedError
          ? t.fileChanged(caught.fileName)
          : refusal(caught, words),
      );
    }
  }

  const busy = upload !== null || current?.state === 'running';
  const earlier = history.filter((job) => job.id !== current?.id).slice(0, 5);
  return (
    <section aria-labelledby="catalogue-import-title" data-testid="catalogue-import">
      <h2 id="catalogue-import-title">{t.title}</h2>
      <p>{t.intro}</p>
      <ImportPolicySettings />
      <form className="catalogue-form" onSubmit={(event) => void start(event)}>
        {FEED_KINDS.map((kind) => (
          <label key={kind}>
            <span className="feed-kind">{t.files[kind]}</span>
            {/* The browser's own picker speaks the browser's language: ours speaks the console's. */}
            <span className="file-picker">
              <input
                type="file"
                data-testid={`feed-${kind}`}
                accept=".tsv,.csv,.txt,.xml,.gz"
                onChange={(event) => setFiles({ ...files, [kind]: event.target.files?.[0] })}
              />
              <span className="file-button" aria-hidden="true">
                {t.pickFile}
              </span>
              <span className="file-name">{files[kind]?.name ?? t.noFile}</span>
            </span>
          </label>
        ))}
        <fieldset>
          <legend>{t.mode}</legend>
          {(['full', 'incremental'] as const).map((mode) => (
            <label key={mode}>
              <input
                type="radio"
                name="mode"
                checked={options.mode === mode}
                onChange={() => setOptions({ ...options, mode })}
              />
              <span>{t[mode]}</span>
            </label>
          ))}
        </fieldset>
        <label>
          <span className="feed-kind">{t.language}</span>
          <select
            value={options.language}
            onChange={(event) =>
              setOptions({ ...options, language: event.target.value === 'en' ? 'en' : 'fr' })
            }
          >
            <option value="fr">{t.languages.fr}</option>
            <option value="en">{t.languages.en}</option>
          </select>
        </label>
        <button type="submit" className="action" disabled={busy}>
          {t.start}
        </button>
      </form>
      {upload && (
        <p role="status">
          {t.uploading(upload.name)} <progress value={upload.sent} max={upload.total} />
        </p>
      )}
      {note && <p role="alert">{note}</p>}
      {current && <ImportJobView job={current} />}
      {earlier.length > 0 && <h3>{t.history}</h3>}
      {earlier.map((job) => (
        <ImportJobView key={job.id} job={job} />
      ))}
    </section>
  );
}
