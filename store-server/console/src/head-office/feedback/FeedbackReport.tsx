// Shopper feedback over a period, beside the proof-of-play report: a chart of
// opinions per day, the rows per day, product and store with low ratings
// flagged (shown first), and the same rows as a CSV file.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiCallError } from '../../common/api';
import { useText } from '../i18n';
import { isoDay } from '../ReportsView';
import {
  fetchFeedback,
  fetchFeedbackCsv,
  opinionsByDay,
  type FeedbackFilter,
  type FeedbackRow,
} from './feedback-api';
import { FeedbackChart, type Series } from './FeedbackChart';
import { feedbackMessages } from './feedback-messages';

const SHOWN_ROWS = 100;

export function FeedbackReport() {
  const { t: common, lang, locale } = useText();
  const t = feedbackMessages[lang];
  const [from, setFrom] = useState(isoDay(-7));
  const [to, setTo] = useState(isoDay(1));
  const [lowOnly, setLowOnly] = useState(false);
  const [rows, setRows] = useState<FeedbackRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [csv, setCsv] = useState<string | null>(null);

  const filter: FeedbackFilter = useMemo(
    () => ({
      from: `${from}T00:00:00.000Z`,
      to: `${to}T00:00:00.000Z`,
      ...(lowOnly ? { low: 'true' as const } : {}),
    }),
    [from, to, lowOnly],
  );
  const load = useCallback(() => {
    fetchFeedback(filter).then(
      (answer) => {
        setRows(answer.rows);
        setError(null);
      },
      (caught: unknown) =>
        setError(caught instanceof ApiCallError ? caught.message : common.unreachable),
    );
  }, [filter, common]);
  useEffect(load, [load]);
  useEffect(() => () => void (csv && URL.revokeObjectURL(csv)), [csv]);

  const exportCsv = async () => {
    try {
      setCsv(URL.createObjectURL(await fetchFeedbackCsv(filter)));
    } catch (caught) {
      setError(caught instanceof ApiCallError ? caught.message : common.unreachable);
    }
  };

  const days = useMemo(() => opinionsByDay(rows ?? []), [rows]);
  const labels = useMemo(
    () =>
      days.map(([day]) =>
        new Date(`${day}T12:00:00Z`).toLocaleDateString(locale, { day: 'numeric', month: 'short' }),
      ),
    [days, locale],
  );
  const series: Series[] = useMemo(
    () => [
      { label: t.positive, colour: '#1d6b5a', values: days.map(([, d]) => d.positive) },
      { label: t.neutral, colour: '#d9a441', values: days.map(([, d]) => d.neutral) },
      { label: t.negative, colour: '#b3261e', values: days.map(([, d]) => d.negative) },
    ],
    [days, t],
  );
  // Low ratings first, then the newest days.
  const sorted = useMemo(
    () =>
      [...(rows ?? [])].sort((a, b) => Number(b.low) - Number(a.low) || b.day.localeCompare(a.day)),
    [rows],
  );
  const flagged = sorted.filter((row) => row.low).length;
  const number = (value: number) => value.toLocaleString(locale);
  const dayLabel = (day: string) =>
    new Date(`${day}T12:00:00Z`).toLocaleDateString(locale, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
    });

  return (
    <section
      className="feedback-report"
      data-testid="feedback-report"
      aria-labelledby="feedback-title"
    >
      <h2 id="feedback-title">{t.title}</h2>
      <p className="muted">{t.intro}</p>
      <div className="row">
        <label>
          {common.startDate}
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          {common.endDate}
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <label className="check">
          <input type="checkbox" checked={lowOnly} onChange={(e) => setLowOnly(e.target.checked)} />{' '}
          {t.lowOnly}
        </label>
        <button type="button" className="action" onClick={load}>
          {t.refresh}
        </button>
        <button type="button" className="action" onClick={() => void exportCsv()}>
          {t.exportCsv}
        </button>
        {csv && (
          <a href={csv} download="shopper-feedback.csv" data-testid="feedback-csv">
            shopper-feedback.csv
          </a>
        )}
      </div>
      {error && <p role="alert">{error}</p>}
      {rows && rows.length === 0 && <p>{t.none}</p>}
      {rows && rows.length > 0 && (
        <>
          <p role="status" data-testid="feedback-flagged" data-flagged={flagged}>
            {t.flagged(flagged)}
          </p>
          <FeedbackChart title={t.chart} labels={labels} series={series} />
          <table className="feedback-rows">
            <thead>
              <tr>
                <th>{t.day}</th>
                <th>{t.store}</th>
                <th>{t.source}</th>
                <th>{t.product}</th>
                <th>{t.likes}</th>
                <th>{t.dislikes}</th>
                <th>{t.smileys}</th>
                <th>{t.reviews}</th>
                <th>{t.flag}</th>
              </tr>
            </thead>
            <tbody>
              {sorted.slice(0, SHOWN_ROWS).map((row) => (
                <tr
                  key={`${row.day}-${row.source}-${row.productId ?? ''}`}
                  className={row.low ? 'low' : undefined}
                  data-source={row.source}
                  data-product={row.productId ?? ''}
                  data-low={row.low}
                >
                  <td className="nowrap">{dayLabel(row.day)}</td>
                  <td className="nowrap">{row.storeId}</td>
                  <td>{t.sources[row.source]}</td>
                  <td>{row.productName ?? t.noProduct}</td>
                  <td>{number(row.likes)}</td>
                  <td>{number(row.dislikes)}</td>
                  <td>
                    {number(row.green)} · {number(row.orange)} · {number(row.red)}
                  </td>
                  <td>
                    {row.reviews > 0
                      ? `${number(row.reviews)} (${(row.reviewAverage ?? 0).toLocaleString(locale, { maximumFractionDigits: 1 })})`
                      : ''}
                  </td>
                  <td>{row.low && <span className="flag">{t.flag}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {sorted.length > SHOWN_ROWS && (
            <p className="muted">{t.more(sorted.length - SHOWN_ROWS)}</p>
          )}
        </>
      )}
    </section>
  );
}
