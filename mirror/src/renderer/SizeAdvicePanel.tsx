// Size advice for one garment from its brand's chart and the measurements the
// shopper typed here (kept for the session only). No chart: it says so.
import { useState, type FormEvent } from 'react';
import type { StoredProduct } from '@vitrine/shared/client';
import {
  adviseSize,
  BODY_MEASURES,
  BodyMeasurements,
  chartFor,
  MEASURE_LIMITS,
  parseUnknown,
  type BodyMeasure,
  type SizeChart,
  variantAxes,
} from '@vitrine/shared/core';
import type { Measured } from './MirrorSession';
import { useMirrorText } from './mirror-text';

export function SizeAdvicePanel(props: {
  product: StoredProduct;
  charts: SizeChart[] | undefined;
  measured: Measured;
  onMeasured: (measured: Measured) => void;
}) {
  const { t: m } = useMirrorText();
  const { product } = props;
  const chart = props.charts && chartFor(props.charts, product.brand, product.sizeSystem);
  const used = chart
    ? BODY_MEASURES.filter((measure) => chart.rows.some((row) => row[measure]))
    : [];
  const [draft, setDraft] = useState<Partial<Record<BodyMeasure, string>>>(() =>
    Object.fromEntries(
      Object.entries(props.measured.values).map(([key, value]) => [key, String(value)]),
    ),
  );
  const [error, setError] = useState<string | undefined>(undefined);
  const advice = adviseSize({
    chart,
    measurements: props.measured.values,
    offeredSizes: variantAxes(product).sizes,
  });
  const names = (list: readonly BodyMeasure[]) => list.map((x) => m.measures[x]).join(', ');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const values = Object.fromEntries(
      Object.entries(draft)
        .filter(([, text]) => text && text.trim() !== '')
        .map(([key, text]) => [key, Number(text?.replace(',', '.'))]),
    );
    const parsed = parseUnknown(BodyMeasurements, { ...props.measured.values, ...values });
    if (!parsed.ok) {
      const wrong = used.filter((measure) => {
        const value = values[measure];
        const [min, max] = MEASURE_LIMITS[measure];
        return value !== undefined && !(value >= min && value <= max);
      });
      return setError(
        m.badMeasures(
          wrong.map((x) => `${m.measures[x]} (${MEASURE_LIMITS[x].join('–')} ${m.cm})`).join(', '),
        ),
      );
    }
    setError(undefined);
    props.onMeasured({ values: parsed.value });
  };

  return (
    <section className="panel size-advice" aria-labelledby="advice-title" data-testid="size-advice">
      <h3 id="advice-title">{m.sizeAdvice}</h3>
      {advice.kind === 'one-size' && <p data-advice="one-size">{m.oneSize}</p>}
      {advice.kind === 'no-chart' && (
        <p data-advice="no-chart">{props.charts ? m.noChart(product.brand) : m.chartsOffline}</p>
      )}
      {chart && (
        <form className="measures" onSubmit={submit} noValidate>
          {props.measured.source && <p className="muted">{m.measuredBy(props.measured.source)}</p>}
          {used.map((measure) => (
            <label key={measure}>
              {m.measures[measure]} ({m.cm})
              <input
                type="number"
                inputMode="decimal"
                step="0.5"
                min={MEASURE_LIMITS[measure][0]}
                max={MEASURE_LIMITS[measure][1]}
                data-testid={`measure-${measure}`}
                value={draft[measure] ?? ''}
                onChange={(event) => setDraft({ ...draft, [measure]: event.target.value })}
              />
            </label>
          ))}
          <button type="submit">{m.adviseMe}</button>
          {error && <p role="alert">{error}</p>}
        </form>
      )}
      <div aria-live="polite" data-testid="advice" data-advice={advice.kind}>
        {advice.kind === 'need-measurements' && <p>{m.needMeasures(names(advice.measures))}</p>}
        {advice.kind === 'outside-chart' && <p>{m.outsideChart(names(advice.measures))}</p>}
        {advice.kind === 'size' && (
          <>
            <p className="advised" data-size={advice.size}>
              <strong>{m.advised(advice.size)}</strong>
            </p>
            {advice.fit === 'between' && <p>{m.between}</p>}
            {!advice.offered && <p>{m.notMadeIn}</p>}
          </>
        )}
      </div>
    </section>
  );
}
