// The three report tables (proof of play, feedback, requests): a page of head office's rows at
// a time, in (store, day, …) order, for the filters the reports page gives.
import { useCallback } from 'react';
import type { HqFeedbackRow, HqPlaysRow, HqRequestsRow } from '@vitrine/shared/core';
import { hq } from '../api';
import { useText } from '../i18n';
import { PagedTable } from '../PagedTable';
import { usePages } from '../use-pages';

export type ReportFilter = {
  from: string;
  to: string;
  store?: string;
  region?: string;
  campaign?: string;
};

/** Feedback and requests are not per campaign. */
const withoutCampaign = ({ campaign: _campaign, ...filter }: ReportFilter) => filter;
/** Minutes, to a tenth below ten. */
const minutes = (ms: number) => {
  const value = ms / 60_000;
  return value < 10 ? value.toFixed(1) : String(Math.round(value));
};

export function PlaysTable(props: { filter: ReportFilter }) {
  const { t } = useText();
  const load = useCallback(
    (after: string | undefined) =>
      hq.reports.plays({ query: { ...props.filter, ...(after && { after }) } }),
    [props.filter],
  );
  const pages = usePages<HqPlaysRow, string>(load, t.unreachable);
  return (
    <PagedTable
      pages={pages}
      testId="report-plays"
      empty={t.noReportRows}
      columns={[t.day, t.store, t.campaign, t.item, t.plays, t.interrupted, t.playedMinutes]}
      row={(row) => (
        <tr key={`${row.storeId}/${row.day}/${row.campaignId}/${row.itemId}`}>
          <td>{row.day}</td>
          <td>{row.storeId}</td>
          <td>{row.campaignId}</td>
          <td>{row.itemId}</td>
          <td>{row.plays}</td>
          <td>{row.interrupted}</td>
          <td>{minutes(row.playedMs)}</td>
        </tr>
      )}
    />
  );
}

export function FeedbackTable(props: { filter: ReportFilter }) {
  const { t } = useText();
  const load = useCallback(
    (after: string | undefined) =>
      hq.reports.feedback({ query: { ...withoutCampaign(props.filter), ...(after && { after }) } }),
    [props.filter],
  );
  const pages = usePages<HqFeedbackRow, string>(load, t.unreachable);
  return (
    <PagedTable
      pages={pages}
      testId="report-feedback"
      empty={t.noReportRows}
      columns={[t.day, t.store, t.target, t.product, t.likes, t.dislikes, t.smileys]}
      row={(row) => (
        <tr
          key={`${row.storeId}/${row.day}/${row.target}/${row.productId ?? ''}`}
          className={row.red > row.green ? 'alert' : undefined}
        >
          <td>{row.day}</td>
          <td>{row.storeId}</td>
          <td>{t.targets[row.target]}</td>
          <td>{row.productId ?? '—'}</td>
          <td>{row.likes}</td>
          <td>{row.dislikes}</td>
          <td>{`${row.green} · ${row.orange} · ${row.red}`}</td>
        </tr>
      )}
    />
  );
}

export function RequestsTable(props: { filter: ReportFilter }) {
  const { t } = useText();
  const load = useCallback(
    (after: string | undefined) =>
      hq.reports.requests({ query: { ...withoutCampaign(props.filter), ...(after && { after }) } }),
    [props.filter],
  );
  const pages = usePages<HqRequestsRow, string>(load, t.unreachable);
  return (
    <PagedTable
      pages={pages}
      testId="report-requests"
      empty={t.noReportRows}
      columns={[t.day, t.store, t.requestType, t.count]}
      row={(row) => (
        <tr key={`${row.storeId}/${row.day}/${row.type}`}>
          <td>{row.day}</td>
          <td>{row.storeId}</td>
          <td>{t.requestTypes[row.type]}</td>
          <td>{row.n}</td>
        </tr>
      )}
    />
  );
}
