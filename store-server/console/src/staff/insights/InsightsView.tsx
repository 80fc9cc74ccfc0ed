// The manager's view of a day: visitors, sales, conversion and what the
// screens and shoppers did, hour by hour in the store's time zone (a day
// clocks change has 23 or 25 bars), the week's visitors, what is wrong with
// the counters, and the day as CSV.
import { useCallback, useEffect, useState } from 'react';
import { formatMoney, type DayFigures, type StaffingHints } from '@vitrine/shared/core';
import { BarChart } from '@vitrine/shared/console-kit';
import { client } from '../../common/api';
import { refusal } from '../../common/refusal';
import { useText } from '../i18n';
import { CampaignImpactTable } from './CampaignImpactTable';
import { CountersPanel } from './CountersPanel';
import { StaffingPlanEditor } from './StaffingPlanEditor';
import { WeekReport } from './WeekReport';
import { insightsMessages } from './insights-messages';

/** Weeks of counts the staffing hints average over. */
const HINT_WEEKS = 8;
const today = () => new Date().toLocaleDateString('sv-SE');
function daysBefore(date: string, count: number): string[] {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Array.from({ length: count }, (_, i) =>
    new Date(Date.UTC(y, m - 1, d - (count - 1 - i))).toISOString().slice(0, 10),
  );
}

export function InsightsView() {
  const text = useText();
  const { lang, locale } = text;
  const t = insightsMessages[lang];
  const [date, setDate] = useState(today());
  const [figures, setFigures] = useState<DayFigures | null>(null);
  const [week, setWeek] = useState<DayFigures[]>([]);
  const [note, setNote] = useState<string | null>(null);
  const [csv, setCsv] = useState<string | null>(null);
  const [hints, setHints] = useState<StaffingHints | null>(null);
  const readHints = useCallback(
    () =>
      void client.insights
        .staffing({ query: { weeks: HINT_WEEKS } })
        .then(setHints, () => setHints(null)),
    [],
  );
  useEffect(readHints, [readHints]);

  useEffect(() => {
    let live = true;
    const days = daysBefore(date, 7);
    Promise.all(days.map((day) => client.insights.day({ query: { date: day } }))).then(
      (answers) => {
        if (!live) return;
        setWeek(answers);
        setFigures(answers.at(-1) ?? null);
        setNote(null);
      },
      (caught: unknown) => live && setNote(refusal(caught, text.t)),
    );
    return () => {
      live = false;
    };
  }, [date, text.t]);
  useEffect(() => () => void (csv && URL.revokeObjectURL(csv)), [csv]);

  const exportCsv = async () => {
    try {
      setCsv(URL.createObjectURL(await (await client.insights.dayCsv({ query: { date } })).blob()));
    } catch (caught) {
      setNote(refusal(caught, text.t));
    }
  };
  const percent = (value: number | null) =>
    value === null
      ? '—'
      : value.toLocaleString(locale, { style: 'percent', maximumFractionDigits: 1 });
  const money = (value: number | null) =>
    value === null || !figures ? '—' : formatMoney(Math.round(value), figures.currency, locale);
  // On the day clocks go back, the two 02:00 bars say which is which.
  const repeated = new Set(
    figures?.hours.map((hour) => hour.label).filter((label, i, all) => all.indexOf(label) !== i),
  );
  const labels =
    figures?.hours.map((hour) =>
      repeated.has(hour.label) ? `${hour.label} (${hour.offset})` : hour.label,
    ) ?? [];
  const totals = figures?.totals;

  return (
    <section aria-labelledby="insights-title" data-testid="insights">
      <h2 id="insights-title">{t.title}</h2>
      <p>{t.intro}</p>
      <label>
        {t.day}{' '}
        <input
          type="date"
          value={date}
          max={today()}
          onChange={(event) => event.target.value && setDate(event.target.value)}
        />
      </label>{' '}
      <button type="button" className="action" onClick={() => void exportCsv()}>
        {t.export}
      </button>{' '}
      <button type="button" className="action" onClick={() => window.print()}>
        {t.print}
      </button>
      {csv && (
        <a href={csv} download={`insights-${date}.csv`}>
          insights-{date}.csv
        </a>
      )}
      {note && <p role="alert">{note}</p>}
      {figures && totals && (
        <>
          <dl className="insight-tiles" data-testid="insight-tiles">
            <div data-kpi="visitors">
              <dt>{t.visitors}</dt>
              <dd>{totals.visitors}</dd>
            </div>
            <div data-kpi="transactions">
              <dt>{t.transactions}</dt>
              <dd>{totals.transactions}</dd>
            </div>
            <div data-kpi="conversion">
              <dt>{t.conversion}</dt>
              <dd>{percent(totals.conversion)}</dd>
            </div>
            <div data-kpi="basket">
              <dt>{t.basket}</dt>
              <dd>{money(totals.averageBasket)}</dd>
            </div>
            <div data-kpi="dwell">
              <dt>{t.dwell}</dt>
              <dd>{totals.dwellSeconds === null ? '—' : t.seconds(totals.dwellSeconds)}</dd>
            </div>
            <div data-kpi="plays">
              <dt>{t.plays}</dt>
              <dd>{t.of(totals.playsWithPeople, totals.plays)}</dd>
            </div>
            <div data-kpi="requests">
              <dt>{t.requests}</dt>
              <dd>
                {t.of(totals.requestsAnswered, totals.requests)}
                {totals.medianAnswerSeconds !== null &&
                  ` · ${t.wait} ${t.minutes(totals.medianAnswerSeconds)}`}
              </dd>
            </div>
            <div data-kpi="lowRatings">
              <dt>{t.lowRatings}</dt>
              <dd>{totals.lowRatings}</dd>
            </div>
            <div data-kpi="unanswered">
              <dt>{t.unanswered}</dt>
              <dd>{totals.unansweredQuestions}</dd>
            </div>
          </dl>
          {figures.salesSource === 'none' && <p>{t.noSales}</p>}
          {figures.salesSource === 'loyalty' && <p>{t.loyaltyOnly}</p>}
          <div className="report-grid">
            <BarChart
              title={t.visitorsPerHour}
              labels={labels}
              values={figures.hours.map((hour) => hour.visitors)}
            />
            <BarChart
              title={t.salesPerHour}
              labels={labels}
              values={figures.hours.map((hour) => hour.transactions)}
            />
            <BarChart
              title={t.week}
              labels={week.map((day) => day.date.slice(5))}
              values={week.map((day) => day.totals.visitors)}
            />
          </div>
          {figures.flags.length > 0 && (
            <div role="status" data-testid="counter-flags">
              <h3>{t.flagsTitle}</h3>
              <ul>
                {figures.flags.map((flag) => (
                  <li key={`${flag.counterId} ${flag.kind}`}>
                    <strong>{flag.counterId}</strong> — {t.flags[flag.kind]}: {flag.detail}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </>
      )}
      {week.length > 0 && <WeekReport week={week} hints={hints} />}
      {hints && <StaffingPlanEditor hints={hints} onSaved={readHints} />}
      {figures && <CampaignImpactTable currency={figures.currency} />}
      <CountersPanel />
    </section>
  );
}
