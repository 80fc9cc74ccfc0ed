// The week on one printable page (Print → PDF for the store's manager or area manager): each
// day's visitors, sales, conversion and plays with people present, the hours of the week that
// most need another person (from the staffing plan), and the counters' flags.
import { formatMoney, type DayFigures, type StaffingHints } from '@vitrine/shared/core';
import { useText } from '../i18n';
import { insightsMessages } from './insights-messages';

export function WeekReport(props: {
  week: readonly DayFigures[];
  /** The staffing hints, when they could be read. */
  hints: StaffingHints | null;
}) {
  const { lang, locale } = useText();
  const t = insightsMessages[lang];
  const { hints } = props;
  const percent = (value: number | null) =>
    value === null
      ? '—'
      : value.toLocaleString(locale, { style: 'percent', maximumFractionDigits: 1 });
  const weekday = (day: number) =>
    new Date(Date.UTC(2024, 0, day)).toLocaleDateString(locale, {
      weekday: 'long',
      timeZone: 'UTC',
    });
  const flags = props.week.flatMap((day) => day.flags.map((flag) => ({ ...flag, date: day.date })));
  return (
    <section className="week-report" data-testid="week-report" aria-labelledby="week-report-title">
      <h3 id="week-report-title">
        {t.weekReport.title} · {props.week[0]?.date} → {props.week.at(-1)?.date}
      </h3>
      <table>
        <thead>
          <tr>
            <th>{t.day}</th>
            <th>{t.visitors}</th>
            <th>{t.transactions}</th>
            <th>{t.weekReport.revenue}</th>
            <th>{t.conversion}</th>
            <th>{t.plays}</th>
            <th>{t.lowRatings}</th>
          </tr>
        </thead>
        <tbody>
          {props.week.map((day) => (
            <tr key={day.date} data-date={day.date}>
              <td>{day.date}</td>
              <td>{day.totals.visitors}</td>
              <td>{day.totals.transactions}</td>
              <td>
                {day.totals.revenue === null
                  ? '—'
                  : formatMoney(day.totals.revenue, day.currency, locale)}
              </td>
              <td>{percent(day.totals.conversion)}</td>
              <td>{t.of(day.totals.playsWithPeople, day.totals.plays)}</td>
              <td>{day.totals.lowRatings}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4>{t.weekReport.needMore}</h4>
      {hints && hints.needMore.length > 0 ? (
        <ol data-testid="staffing-needs">
          {hints.needMore.map((hour) => (
            <li key={`${hour.weekday} ${hour.hour}`}>
              {t.weekReport.hourNeed(weekday(hour.weekday), hour.hour, hour.visitors, hour.staff)}
            </li>
          ))}
        </ol>
      ) : (
        <p>{t.weekReport.noPlan}</p>
      )}
      {flags.length > 0 && (
        <>
          <h4>{t.flagsTitle}</h4>
          <ul>
            {flags.map((flag) => (
              <li key={`${flag.date} ${flag.counterId} ${flag.kind}`}>
                {flag.date} · {flag.counterId} — {t.flags[flag.kind]}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
