export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export type BenchResult = {
  name: string;
  metric: string;
  value: number;
  unit: string;
  target: string;
  pass: boolean;
  detail?: Record<string, number | string>;
};

export const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
