// A brand's size chart (body measurements per size, in cm) and the shopper's
// measurements, typed on the mirror or sent by a measuring device over MQTT.
import { z } from 'zod';
import { PROTOCOL_VERSION } from '../protocol';

export const BODY_MEASURES = ['chest', 'waist', 'hips', 'insideLeg', 'footLength'] as const;
export const BodyMeasure = z.enum(BODY_MEASURES);
export type BodyMeasure = z.infer<typeof BodyMeasure>;

/** Plausible adult body measurements in cm: anything outside is a typo or a faulty sensor. */
export const MEASURE_LIMITS: Record<BodyMeasure, readonly [number, number]> = {
  chest: [50, 180],
  waist: [40, 180],
  hips: [50, 200],
  insideLeg: [50, 110],
  footLength: [18, 35],
};

const measure = (name: BodyMeasure) =>
  z
    .number()
    .min(MEASURE_LIMITS[name][0], `${name} must be at least ${MEASURE_LIMITS[name][0]} cm`)
    .max(MEASURE_LIMITS[name][1], `${name} must be at most ${MEASURE_LIMITS[name][1]} cm`);

export const BodyMeasurements = z
  .object({
    chest: measure('chest').optional(),
    waist: measure('waist').optional(),
    hips: measure('hips').optional(),
    insideLeg: measure('insideLeg').optional(),
    footLength: measure('footLength').optional(),
  })
  .strict();
export type BodyMeasurements = z.infer<typeof BodyMeasurements>;

const Range = z
  .tuple([z.number().positive(), z.number().positive()])
  .refine(([min, max]) => min <= max, 'a range is [min, max] with min ≤ max');

export const SizeChartRow = z.object({
  size: z.string().min(1).max(16),
  chest: Range.optional(),
  waist: Range.optional(),
  hips: Range.optional(),
  insideLeg: Range.optional(),
  footLength: Range.optional(),
});
export type SizeChartRow = z.infer<typeof SizeChartRow>;

/** One brand's chart for one sizing system (`Product.sizeSystem`, e.g. `letters`). */
export const SizeChart = z.object({
  brand: z.string().min(1).max(80),
  system: z.string().min(1).max(32),
  rows: z.array(SizeChartRow).min(1).max(40),
});
export type SizeChart = z.infer<typeof SizeChart>;

/** A measuring device → the mirror, on `…/devices/{mirrorId}/measurements` (docs/protocol.md). */
export const MeasurementsMessage = z.object({
  v: z.literal(PROTOCOL_VERSION, { error: `protocol version must be ${PROTOCOL_VERSION}` }),
  type: z.literal('measurements'),
  /** Who measured: a device name, shown to the shopper. */
  source: z.string().min(1).max(80),
  at: z.iso.datetime(),
  measurements: BodyMeasurements,
});
export type MeasurementsMessage = z.infer<typeof MeasurementsMessage>;

export function chartFor(
  charts: readonly SizeChart[],
  brand: string,
  system: string | undefined,
): SizeChart | undefined {
  if (!system) return undefined;
  return charts.find((chart) => chart.brand === brand && chart.system === system);
}
