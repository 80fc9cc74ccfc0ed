// Stores and regions compared over a range of their local days (the figures each store sent),
// with visitors per store as bars, a CSV of the table, and any store's day hour by hour.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import {
  addDays,
  formatMoney,
  latestLocalDate,
  type DayFigures,
  type RegionInsightsRow,
  type StoreInsightsRow,
} from '@vitrine/shared/core';
import { BarChart } from '@vitrine/shared/console-kit';
import { failure, hq } from '../api';
import { useText } from '../i18n';
import { CampaignImpactPanel } from './CampaignImpactPanel';
import { insightsText } from './insights-messages';

const isoDay = (daysAgo: number) =>
  new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

export function InsightsView() {
  const { lang, locale, t: common } = useText();
  const t = insightsText[lang];
  // Up to every store's today: a store east of the viewer may be in tomorrow already.
  const [to, setTo] = useState(() => latestLocalDate(Date.now()));
  const [from, setFrom] = useState(() => addDays(to, -7));
  const [region, setRegion] = useState('');
  const [stores, setStores] = useState<StoreInsightsRow[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [regions, setRegions] = useState<RegionInsightsRow[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [date, setDate] = useState(isoDay(1));
  const [day, setDay] = useState<DayFigures | null | 'none'>(null);

  const load = useCallback(
    (after?: string) => {
      const query = { from, to, limit: 500, ...(region && { region }), ...(after && { after }) };
      Promise.all([
        hq.insights.stores({ query }),
        after ? null : hq.insights.regions({ query }),
      ]).then(
        ([page, regionPage]) => {
          setStores((current) => (after ? [...current, ...page.rows] : page.rows));
          setNext(page.next);
          if (regionPage) setRegions(regionPage.rows);
          setError(null);
        },
        (caught: unknown) => setError(failure(caught, common.unreachable)),
      );
    },
    [from, to, region, common.unreachable],
  );
  useEffect(() => load(), [load]);
  useEffect(() => {
    if (!chosen) return;
    let live = true;
    hq.insights.storeDay({ params: { id: chosen, date } }).then(
      (figures) => live && setDay(figures),
      () => live && setDay('none'),
    );
    return () => {
      live = false;
    };
  }, [chosen, date]);

  const percent = (value: number | null) =>
    value === null
      ? '—'
      : value.toLocaleString(locale, { style: 'percent', maximumFractionDigits: 1 });
  const money = (value: number | null, currency: string) =>
    value === null ? '—' : formatMoney(Math.round(value), currency, locale);
  const columns = (row: StoreInsightsRow | RegionInsightsRow) => [
    row.visitors,
    row.transactions,
    money(row.revenue, row.currency),
    percent(row.conversion),
    money(row.averageBasket, row.currency),
    `${row.playsWithPeople} / ${row.plays}`,
    row.lowRatings,
    row.unansweredQuestions,
    row.counterFlags,
  ];
  const headers = [
    t.visitors,
    t.transactions,
    t.revenue,
    t.conversion,
    t.basket,
    t.plays,
    t.lowRatings,
    t.unanswered,
    t.counterFlags,
  ];
  const csv = () => {
    const rows = [
      [
        'store',
        'region',
        'days',
        'visitors',
        'transactions',
        'revenue_minor',
        'currency',
        'conversion',
        'plays',
        'plays_with_people',
        'low_ratings',
        'unanswered_questions',
        'counter_flags',
      ],
      ...stores.map((row) => [
        row.storeId,
        row.regionId ?? '',
        row.days,
        row.visitors,
        row.transactions,
        row.revenue ?? '',
        row.currency,
        row.conversion ?? '',
        row.plays,
        row.playsWithPeople,
        row.lowRatings,
        row.unansweredQuestions,
        row.counterFlags,
      ]),
    ];
    return URL.createObjectURL(
      new Blob([rows.map((row) => row.join(',')).join('\n')], { type: 'text/csv' }),
    );
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    load();
  };
  const hourLabels =
    day && day !== 'none'
      ? day.hours.map((hour, i, all) =>
          all.some((other, j) => j !== i && other.label === hour.label)
            ? `${hour.label} (${hour.offset})`
            : hour.label,
        )
      : [];

  return (
    <section aria-labelledby="insights-title" data-testid="hq-insights">
      <h2 id="insights-title">{t.title}</h2>
      <p className="hint">{t.intro}</p>
      <form onSubmit={submit} className="filters">
        <label>
          {t.from} <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          {t.to} <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <label>
          {t.region}{' '}
          <input
            value={region}
            placeholder={t.allRegions}
            onChange={(e) => setRegion(e.target.value.trim())}
          />
        </label>
        <button type="submit" className="action">
          {t.show}
        </button>
        {stores.length > 0 && (
          <a href={csv()} download={`stores-${from}-${to}.csv`} className="action">
            {t.export}
          </a>
        )}
      </form>
      {error && <p role="alert">{error}</p>}
      {regions.length > 0 && (
        <table data-testid="region-insights">
          <caption>{t.regions}</caption>
          <thead>
            <tr>
              <th>{t.region}</th>
              {headers.map((header) => (
                <th key={header}>{header}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {regions.map((row) => (
              <tr key={`${row.regionId} ${row.currency}`}>
                <td>{row.regionId ?? '—'}</td>
                {columns(row).map((value, i) => (
                  <td key={i}>{value}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {stores.some((row) => row.days > 0) ? (
        <BarChart
          title={t.visitorsByStore}
          labels={stores.map((row) => row.name)}
          values={stores.map((row) => row.visitors)}
        />
      ) : (
        <p>{t.none}</p>
      )}
      <table data-testid="store-insights">
        <caption>{t.stores}</caption>
        <thead>
          <tr>
            <th>{t.store}</th>
            <th>{t.days}</th>
            {headers.map((header) => (
              <th key={header}>{header}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {stores.map((row) => (
            <tr key={row.storeId} data-store-id={row.storeId}>
              <td>
                <button type="button" className="link" onClick={() => setChosen(row.storeId)}>
                  {row.name}
                </button>
              </td>
              <td>{row.days}</td>
              {columns(row).map((value, i) => (
                <td key={i}>{value}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {next && (
        <button type="button" className="action" onClick={() => load(next)}>
          {t.more}
        </button>
      )}
      {chosen && (
        <div data-testid="hq-store-day">
          <h3>
            {t.storeDay} · {stores.find((row) => row.storeId === chosen)?.name ?? chosen}
          </h3>
          <label>
            {t.day}{' '}
            <input
              type="date"
              value={date}
              onChange={(e) => e.target.value && setDate(e.target.value)}
            />
          </label>
          {day === 'none' && <p>{t.noDay}</p>}
          {day && day !== 'none' && (
            <>
              <p
                data-testid="hq-store-day-totals"
                data-visitors={day.totals.visitors}
                data-transactions={day.totals.transactions}
              >
                {t.visitors}: {day.totals.visitors} · {t.transactions}: {day.totals.transactions} ·{' '}
                {t.conversion}: {percent(day.totals.conversion)} · {t.plays}:{' '}
                {day.totals.playsWithPeople} / {day.totals.plays}
              </p>
              <BarChart
                title={t.visitorsPerHour}
                labels={hourLabels}
                values={day.hours.map((hour) => hour.visitors)}
              />
            </>
          )}
        </div>
      )}
      <CampaignImpactPanel />
    </section>
  );
}
