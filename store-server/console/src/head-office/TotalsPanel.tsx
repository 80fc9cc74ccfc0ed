// One dimension of the proof-of-play report: its chart and the numbers behind it.
import { useMemo } from 'react';
import { BarChart } from '@vitrine/shared/console-kit';
import { useText } from './i18n';
import type { Total } from './report-aggregate';

export function TotalsPanel(props: {
  title: string;
  totals: Total[];
  label?: (key: string) => string;
  testId: string;
}) {
  const { t, locale } = useText();
  const label = props.label ?? ((key: string) => key);
  const labels = useMemo(
    () => props.totals.map((total) => label(total.key)),
    [props.totals, label],
  );
  const values = useMemo(() => props.totals.map((total) => total.plays), [props.totals]);
  return (
    <div className="totals" data-testid={props.testId}>
      <BarChart title={`${props.title} · ${t.plays}`} labels={labels} values={values} />
      <table>
        <thead>
          <tr>
            <th>{props.title}</th>
            <th>{t.plays}</th>
            <th>{t.playedMinutes}</th>
          </tr>
        </thead>
        <tbody>
          {props.totals.map((total, index) => (
            <tr key={total.key} data-key={total.key}>
              <th scope="row">{labels[index]}</th>
              <td data-plays={total.plays}>{total.plays.toLocaleString(locale)}</td>
              <td>
                {(total.playedMs / 60_000).toLocaleString(locale, { maximumFractionDigits: 1 })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
