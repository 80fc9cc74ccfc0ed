// One import as it runs and once it ended: its phase with a bar, then what
// it did per file and per collection, the first problems, and the report.
import { entryText, type ImportJob, type ReportLang } from '@vitrine/shared/core';
import { client } from '../common/api';
import { catalogueMessages } from './catalogue-messages';
import { useText } from './i18n';

const SHOWN_PROBLEMS = 50;

async function downloadReport(id: string, lang: ReportLang): Promise<void> {
  const answer = await client.imports.importReport({ params: { id }, query: { lang } });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await answer.blob());
  link.download = `import-${id}-report.tsv`;
  link.click();
  URL.revokeObjectURL(link.href);
}

export function ImportJobView(props: { job: ImportJob }) {
  const { lang, locale } = useText();
  const t = catalogueMessages[lang];
  const { job } = props;
  const { progress } = job;
  const entries = (job.firstEntries ?? []).slice(0, SHOWN_PROBLEMS);
  const ended = job.state !== 'created' && job.state !== 'running';
  return (
    <section aria-labelledby={`job-${job.id}`} data-testid="import-job" data-state={job.state}>
      <h3 id={`job-${job.id}`}>
        {new Date(job.createdAt).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' })}{' '}
        · {t.state[job.state]}
      </h3>
      {job.state === 'running' && (
        <p role="status">
          {t.phase[progress.phase]}
          {progress.phase === 'reading' && progress.totalBytes ? (
            <>
              {' '}
              <progress value={progress.bytesRead ?? 0} max={progress.totalBytes} />{' '}
              {t.read(progress.bytesRead ?? 0, progress.totalBytes, locale)}
            </>
          ) : null}
          {progress.phase === 'building' && progress.done ? ` · ${t.built(progress.done)}` : ''}
        </p>
      )}
      {job.reason && (
        <p role="alert">
          {t.reason} {entryText({ problem: job.reason, message: job.reasonMessage }, lang)}
        </p>
      )}
      {ended && (
        <ul data-testid="import-counts">
          {Object.entries(job.counts ?? {}).map(([file, counts]) => (
            <li key={file}>
              {file} ({t.files[counts.kind]}) —{' '}
              {t.lines(counts.lines, counts.rejected, counts.warnings)}
            </li>
          ))}
          {(job.written ?? []).map((row) => (
            <li key={row.c}>
              {t.collections[row.c] ?? row.c} — {t.written(row.written, row.withdrawn)}
            </li>
          ))}
        </ul>
      )}
      {ended && entries.length === 0 && job.counts && <p>{t.noProblem}</p>}
      {entries.length > 0 && (
        <table data-testid="import-problems">
          <caption>{t.problems(entries.length, job.totalEntries ?? entries.length)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.line}</th>
              <th scope="col">{t.field}</th>
              <th scope="col">{t.problem}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry, index) => (
              <tr key={index} className={entry.action}>
                <td>
                  {entry.file}:{entry.line}
                </td>
                <td>{entry.field}</td>
                <td>
                  {t.action[entry.action]} · {entryText(entry, lang)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {ended && job.counts && (
        <button type="button" className="action" onClick={() => void downloadReport(job.id, lang)}>
          {t.report}
        </button>
      )}
    </section>
  );
}
