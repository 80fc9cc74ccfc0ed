// Head office's reports across stores: a range of local days (each store's own calendar) and a
// store, region or campaign; proof of play per day as a chart when the filter bounds what is
// summed (head office refuses the whole chain's sum), then the rows of the report chosen, a page
// at a time. Every figure is head office's daily rollup as it answers it.
import { useEffect, useState } from 'react';
import { BarChart } from '@vitrine/shared/console-kit';
import { addDays, latestLocalDate } from '@vitrine/shared/core';
import { hq, failure } from '../api';
import { FilterForm } from '../FilterForm';
import { useText } from '../i18n';
import { Notice } from '../Notice';
import { FeedbackTable, PlaysTable, RequestsTable, type ReportFilter } from './report-tables';

const KINDS = ['plays', 'feedback', 'requests'] as const;
type Kind = (typeof KINDS)[number];
type Typed = { from: string; to: string; store: string; region: string; campaign: string };

const dayOf = (date: Date) => date.toISOString().slice(0, 10);
/** Seven days up to every store's today (stores east of the viewer are a day ahead at night). */
function lastWeek(): Typed {
  const to = latestLocalDate(Date.now());
  return { from: addDays(to, -6), to, store: '', region: '', campaign: '' };
}

/** The calendar days from `from` to `to`, both included (YYYY-MM-DD, at most a year's). */
function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let at = Date.parse(from); at <= Date.parse(to) && days.length < 367; at += 86_400_000)
    days.push(dayOf(new Date(at)));
  return days;
}

/** Only the filters given: an empty field means "any". */
const filterOf = (typed: Typed): ReportFilter => ({
  from: typed.from,
  to: typed.to,
  ...(typed.store && { store: typed.store }),
  ...(typed.region && { region: typed.region }),
  ...(typed.campaign && { campaign: typed.campaign }),
});

/** Plays per day, summed over the campaigns of each day, for the chart. */
function usePlaysPerDay(filter: ReportFilter, unreachable: string) {
  const [state, setState] = useState<{ labels: string[]; values: number[] } | string | null>(null);
  useEffect(() => {
    if (!filter.store && !filter.region && !filter.campaign) return setState(null);
    let live = true;
    (async () => {
      const perDay = new Map<string, number>();
      let after: string | undefined;
      // A year of days at most: a few pages.
      for (let pages = 0; pages < 20; pages++) {
        const page = await hq.reports.playsByDay({ query: { ...filter, ...(after && { after }) } });
        for (const row of page.rows) perDay.set(row.day, (perDay.get(row.day) ?? 0) + row.plays);
        if (!page.next) break;
        after = page.next;
      }
      // Every day of the range, a day without plays at 0: a gap is worth seeing.
      const labels = perDay.size === 0 ? [] : daysBetween(filter.from, filter.to);
      if (live) setState({ labels, values: labels.map((day) => perDay.get(day) ?? 0) });
    })().catch((caught: unknown) => live && setState(failure(caught, unreachable)));
    return () => {
      live = false;
    };
  }, [filter, unreachable]);
  return state;
}

export function ReportsView() {
  const { t } = useText();
  const [typed, setTyped] = useState<Typed>(lastWeek);
  const [filter, setFilter] = useState<ReportFilter>(() => filterOf(lastWeek()));
  const [kind, setKind] = useState<Kind>('plays');
  const perDay = usePlaysPerDay(filter, t.unreachable);
  const field = (name: keyof Typed, label: string, type = 'text') => (
    <label>
      {label}
      <input
        name={name}
        type={type}
        size={12}
        value={typed[name]}
        onChange={(e) => setTyped({ ...typed, [name]: e.target.value.trim() })}
      />
    </label>
  );

  return (
    <section aria-label={t.tabs.reports}>
      <FilterForm onFilter={() => setFilter(filterOf(typed))}>
        {field('from', t.fromDay, 'date')}
        {field('to', t.toDay, 'date')}
        {field('store', t.store)}
        {field('region', t.regionId)}
        {field('campaign', t.campaign)}
        <label>
          {t.report}
          <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            {KINDS.map((each) => (
              <option key={each} value={each}>
                {t.reportKinds[each]}
              </option>
            ))}
          </select>
        </label>
      </FilterForm>
      <p className="hint">{t.reportsIntro}</p>
      {typeof perDay === 'string' && <Notice notice={{ kind: 'alert', text: perDay }} />}
      {perDay &&
        typeof perDay !== 'string' &&
        (perDay.labels.length > 0 ? (
          <BarChart title={t.playsPerDay} labels={perDay.labels} values={perDay.values} />
        ) : (
          <p data-testid="no-plays">{t.noPlays}</p>
        ))}
      {!perDay && <p className="hint">{t.playsPerDayNeedsFilter}</p>}
      {kind === 'plays' && <PlaysTable filter={filter} />}
      {kind === 'feedback' && <FeedbackTable filter={filter} />}
      {kind === 'requests' && <RequestsTable filter={filter} />}
    </section>
  );
}
