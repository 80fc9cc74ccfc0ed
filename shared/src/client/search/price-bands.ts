// The price filter's bands come from the catalogue, not from a fixed list in
// euros: a hardware store in CHF and a grocer in JPY each get four bands that
// split their own prices into quarters, with limits a person reads at a glance.
import type { PriceBand } from './search-types';

/** 1, 2 and 5 times a power of ten, in minor units: round in any decimal currency. */
function nearestRoundAmount(amount: number): number {
  if (amount <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(amount));
  const candidates = [1, 2, 5, 10].map((step) => step * power);
  // Nearest on a ratio scale: 3,000 is nearer to 2,000 than 5,000, 4,000 nearer to 5,000.
  return candidates.reduce((best, next) =>
    Math.abs(Math.log(next / amount)) < Math.abs(Math.log(best / amount)) ? next : best,
  );
}

/** Up to four bands, cut at the catalogue's quartiles rounded to 1/2/5 × 10ⁿ; none empty. */
export function priceBandsOf(prices: readonly number[]): PriceBand[] {
  if (prices.length === 0) return [];
  const sorted = [...prices].sort((a, b) => a - b);
  const quantile = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const candidates = [...new Set([0.25, 0.5, 0.75].map((q) => nearestRoundAmount(quantile(q))))];
  // Rounding can leave a band with no product in it: such a limit is dropped.
  const bounds = [0];
  for (const limit of candidates.sort((a, b) => a - b)) {
    const below = sorted.some((price) => price >= bounds.at(-1)! && price < limit);
    const above = sorted.some((price) => price >= limit);
    if (below && above) bounds.push(limit);
  }
  return bounds.map((min, i) => {
    const max = bounds[i + 1];
    return max === undefined ? { id: `${min}-`, min } : { id: `${min}-${max}`, min, max };
  });
}

/** A band's id says its limits ("1000-5000", "20000-"), so a request needs no band list. */
export function bandFromId(id: string): PriceBand | undefined {
  const match = /^(\d{1,12})-(\d{0,12})$/.exec(id);
  if (!match) return undefined;
  const min = Number(match[1]);
  if (!match[2]) return { id, min };
  const max = Number(match[2]);
  return max > min ? { id, min, max } : undefined;
}

export const inBand = (priceCents: number, band: PriceBand): boolean =>
  priceCents >= band.min && (band.max === undefined || priceCents < band.max);
