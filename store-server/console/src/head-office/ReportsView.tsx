// Proof of play: completed plays by campaign, store, screen and hour over a
// period, as charts and tables, and the same rows as a CSV file.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiCallError } from '../common/api';
import { fetchReport, fetchReportCsv, type PlayRow, type ReportFilter } from './head-office-api';
import { useText } from './i18n';
import { localHourLabel, totalsBy } from './report-aggregate';
import { TotalsPanel } from './TotalsPanel';

export const isoDay = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

export function ReportsView(props: {
  timeZone: string;
  campaignNames: ReadonlyMap<string, string>;
  screenNames: ReadonlyMap<string, string>;
}) {
  const { t, locale } = useText();
  const [from, setFrom] = useState(isoDay(-7));
  const [to, setTo] = useState(isoDay(1));
  const [campaignId, setCampaignId] = useState('');
  const [report, setReport] = useState<{ rows: PlayRow[]; unfinished: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [csv, setCsv] = useState<string | null>(null);

  const filter: ReportFilter = useMemo(
    () => ({
      from: `${from}T00:00:00.000Z`,
      to: `${to}T00:00:00.000Z`,
      campaignId: campaignId || undefined,
    }),
    [from, to, campaignId],
  );
  const load = useCallback(() => {
    fetchReport(filter).then(
      (answer) => {
        setReport(answer);
        setError(null);
      },
      (caught: unknown) =>
        setError(caught instanceof ApiCallError ? caught.message : t.unreachable),
    );
  }, [filter, t]);
  useEffect(load, [load]);
  useEffect(() => () => void (csv && URL.revokeObjectURL(csv)), [csv]);

  const exportCsv = async () => {
    try {
      setCsv(URL.createObjectURL(await fetchReportCsv(filter)));
    } catch (caught) {
      setError(caught instanceof ApiCallError ? caught.message : t.unreachable);
    }
  };
  const campaignLabel = useCallback(
    (id: string) => props.campaignNames.get(id) ?? id,
    [props.campaignNames],
  );
  const screenLabel = useCallback(
    (id: string) => props.screenNames.get(id) ?? id,
    [props.screenNames],
  );
  const hourLabel = useCallback(
    (hour: string) => localHourLabel(hour, props.timeZone, locale),
    [props.timeZone, locale],
  );
  const rows = useMemo(() => report?.rows ?? [], [report]);
  const total = rows.reduce((sum, row) => sum + row.plays, 0);
  const totals = useMemo(
    () => ({
      campaign: totalsBy(rows, 'campaignId'),
      store: totalsBy(rows, 'storeId'),
      screen: totalsBy(rows, 'deviceId'),
      hour: totalsBy(rows, 'hour'),
    }),
    [rows],
  );

  return (
    <section>
      <div className="row">
        <label>
          {t.startDate}
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          {t.endDate}
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <label>
          {t.campaign}
          <select value={campaignId} onChange={(e) => setCampaignId(e.target.value)}>
            <option value="">{t.allCampaigns}</option>
            {[...props.campaignNames].map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="action" onClick={load}>
          {t.refresh}
        </button>
        <button type="button" className="action" onClick={() => void exportCsv()}>
          {t.exportCsv}
        </button>
        {csv && (
          <a href={csv} download="proof-of-play.csv">
            proof-of-play.csv
          </a>
        )}
      </div>
      {error && <p role="alert">{error}</p>}
      {report && (
        <p role="status" data-testid="report-total" data-plays={total}>
          {t.totalPlays(total)} · {t.unfinished(report.unfinished)}
        </p>
      )}
      {report && rows.length === 0 && <p>{t.noPlays}</p>}
      {rows.length > 0 && (
        <div className="report-grid">
          <TotalsPanel
            title={t.byCampaign}
            totals={totals.campaign}
            label={campaignLabel}
            testId="by-campaign"
          />
          <TotalsPanel title={t.byStore} totals={totals.store} testId="by-store" />
          <TotalsPanel
            title={t.byScreen}
            totals={totals.screen}
            label={screenLabel}
            testId="by-screen"
          />
          <TotalsPanel title={t.byHour} totals={totals.hour} label={hourLabel} testId="by-hour" />
        </div>
      )}
    </section>
  );
}
