// Size advice from a brand's chart and the shopper's measurements. Nothing is
// guessed: no chart, no usable measurement, or a body outside the chart each
// give an explicit answer instead of a size.
import {
  BODY_MEASURES,
  type BodyMeasure,
  type BodyMeasurements,
  type SizeChart,
} from './size-chart';

/** How far outside a size's range (cm) still counts as that size, "snug" or "loose". */
export const FIT_TOLERANCE_CM = 2;

export type SizeAdvice =
  | { kind: 'one-size' }
  | { kind: 'no-chart' }
  | { kind: 'need-measurements'; measures: BodyMeasure[] }
  | { kind: 'outside-chart'; measures: BodyMeasure[] }
  | {
      kind: 'size';
      size: string;
      /** in: every measure points at this size; between: they disagree (the larger is
       * advised) or one is just outside the chart's ranges. */
      fit: 'in' | 'between';
      /** The measures the advice was based on. */
      basedOn: BodyMeasure[];
      /** The advised size exists in the chart but this garment is not made in it. */
      offered: boolean;
    };

/** Distance (cm) from a value to a range; 0 inside. */
function gap(value: number, [min, max]: readonly [number, number]): number {
  if (value < min) return min - value;
  if (value > max) return value - max;
  return 0;
}

export function adviseSize(options: {
  chart: SizeChart | undefined;
  measurements: BodyMeasurements;
  /** The sizes this garment is made in (the product's variants' sizes). */
  offeredSizes: readonly string[];
}): SizeAdvice {
  const { chart, measurements, offeredSizes } = options;
  if (offeredSizes.length === 1 && offeredSizes[0] === 'TU') return { kind: 'one-size' };
  if (!chart) return { kind: 'no-chart' };
  const charted = BODY_MEASURES.filter((m) => chart.rows.some((row) => row[m]));
  const basedOn = charted.filter((m) => measurements[m] !== undefined);
  if (basedOn.length === 0) return { kind: 'need-measurements', measures: charted };

  // For each measure, the smallest size that fits it; the largest of those wins
  // (a garment that fits the hips but not the waist does not fit).
  let pick = -1;
  let fit: 'in' | 'between' = 'in';
  const outside: BodyMeasure[] = [];
  for (const measure of basedOn) {
    const value = measurements[measure] ?? 0;
    const rows = chart.rows.map((row, index) => ({ index, range: row[measure] }));
    const inside = rows.find((row) => row.range && gap(value, row.range) === 0);
    if (inside) {
      if (pick !== -1 && pick !== inside.index) fit = 'between';
      pick = Math.max(pick, inside.index);
      continue;
    }
    const near = rows.find((row) => row.range && gap(value, row.range) <= FIT_TOLERANCE_CM);
    if (!near) {
      outside.push(measure);
      continue;
    }
    // Between two sizes: take the larger neighbour when the value is above the range.
    const range = near.range ?? [0, 0];
    const index = value > range[1] ? nextWith(chart, measure, near.index) : near.index;
    pick = Math.max(pick, index);
    fit = 'between';
  }
  if (outside.length > 0) return { kind: 'outside-chart', measures: outside };
  const row = chart.rows[pick];
  if (!row) return { kind: 'outside-chart', measures: basedOn };
  return { kind: 'size', size: row.size, fit, basedOn, offered: offeredSizes.includes(row.size) };
}

function nextWith(chart: SizeChart, measure: BodyMeasure, from: number): number {
  for (let i = from + 1; i < chart.rows.length; i++) if (chart.rows[i]?.[measure]) return i;
  return from;
}
