// Shelf prices that look like a French retailer's: 4,95 €, 12,99 €, 49,90 €,
// 129 €, 1 299 €. All amounts are integer cents.
import type { Random } from './random';

/** A shelf price in cents, drawn log-uniformly between two amounts in euros. */
export function shelfPriceCents(rng: Random, minEuros: number, maxEuros: number): number {
  const euros = Math.exp(rng.float(Math.log(minEuros), Math.log(maxEuros)));
  if (euros < 10) return Math.floor(euros) * 100 + rng.pick([49, 50, 90, 95, 99]);
  if (euros < 100) return Math.floor(euros) * 100 + rng.pick([0, 50, 90, 95, 99]);
  if (euros < 1000) {
    const whole = Math.max(100, Math.round(euros / 10) * 10 - rng.pick([0, 1, 1, 5]));
    return whole * 100 + (rng.chance(0.3) ? 99 : 0);
  }
  return (Math.round(euros / 100) * 100 - rng.pick([1, 1, 51])) * 100;
}

/** A members' price 5–20 % under the shelf price, ending in a round ten cents. */
export function loyaltyPriceCents(rng: Random, priceCents: number): number {
  const discount = rng.pick([0.05, 0.1, 0.1, 0.15, 0.2]);
  return Math.floor((priceCents * (1 - discount)) / 10) * 10;
}
