// A campaign's windows (before, during, after) as a table: units and revenue of its products,
// visitors and plays in each. The store's console and head office's show the same rows.
import type { ReactNode } from 'react';
import { formatMoney, type ImpactPhase, type ImpactWindow } from '../core';
import type { ConsoleLang } from './console-lang';

export type ImpactLabels = {
  window: string;
  days: string;
  units: string;
  revenue: string;
  visitors: string;
  plays: string;
  phases: Record<ImpactPhase, string>;
};

/** The table's words, the same in both consoles. */
export const IMPACT_LABELS: Record<ConsoleLang, ImpactLabels> = {
  fr: {
    window: 'Période',
    days: 'Jours',
    units: 'Unités vendues',
    revenue: 'Ventes',
    visitors: 'Visiteurs',
    plays: 'Diffusions',
    phases: { before: 'avant', during: 'pendant', after: 'après' },
  },
  en: {
    window: 'Window',
    days: 'Days',
    units: 'Units sold',
    revenue: 'Sales',
    visitors: 'Visitors',
    plays: 'Plays',
    phases: { before: 'before', during: 'during', after: 'after' },
  },
};

/** One window's row; `lead` cells (a campaign's name) go before it. */
export function ImpactWindowRow(props: {
  window: ImpactWindow;
  currency: string;
  locale: string;
  labels: ImpactLabels;
  lead?: ReactNode;
  campaignId?: string;
}) {
  const { window, labels } = props;
  return (
    <tr data-phase={window.phase} data-campaign-id={props.campaignId}>
      {props.lead}
      <td>
        {labels.phases[window.phase]} ({window.from}
        {window.to !== window.from && ` → ${window.to}`})
      </td>
      <td>{window.days}</td>
      <td data-units={window.units}>{window.units}</td>
      <td>{formatMoney(window.revenue, props.currency, props.locale)}</td>
      <td>{window.visitors}</td>
      <td>{window.plays}</td>
    </tr>
  );
}

/** The header cells after any leading ones. */
export function ImpactHeader(props: { labels: ImpactLabels; lead?: ReactNode }) {
  const { labels } = props;
  return (
    <tr>
      {props.lead}
      <th>{labels.window}</th>
      <th>{labels.days}</th>
      <th>{labels.units}</th>
      <th>{labels.revenue}</th>
      <th>{labels.visitors}</th>
      <th>{labels.plays}</th>
    </tr>
  );
}
