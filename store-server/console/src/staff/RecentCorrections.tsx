// The last corrections of a product's stock (the audit rows), so staff see
// who changed a figure, when and why.
import { useEffect, useState } from 'react';
import type { StockCorrection } from '@vitrine/shared/core';
import { client } from '../common/api';
import { useText } from './i18n';

export function RecentCorrections(props: {
  productId: string;
  /** Changes when a new correction is saved, to read the list again. */
  version: number;
  itemLabel: (correction: StockCorrection) => string;
  locationName: (id: string) => string;
}) {
  const { t, locale } = useText();
  const [corrections, setCorrections] = useState<StockCorrection[]>([]);
  useEffect(() => {
    let live = true;
    client.stock.corrections({ query: { productId: props.productId } }).then(
      (answer) => live && setCorrections(answer.corrections.slice(0, 5)),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [props.productId, props.version]);
  if (corrections.length === 0) return null;
  return (
    <details className="corrections" data-testid="recent-corrections" open>
      <summary>{t.recentCorrections}</summary>
      <ul>
        {corrections.map((correction) => (
          <li key={correction.id}>
            {new Date(correction.at).toLocaleString(locale, {
              dateStyle: 'short',
              timeStyle: 'short',
            })}{' '}
            · {props.locationName(correction.locationId)} · {props.itemLabel(correction)} ·{' '}
            {correction.before} → <strong>{correction.after}</strong> ·{' '}
            {t.reasons[correction.reason]}
            {correction.note ? ` (${correction.note})` : ''} · {correction.userId}
          </li>
        ))}
      </ul>
    </details>
  );
}
