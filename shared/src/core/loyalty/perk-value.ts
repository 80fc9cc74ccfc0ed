// What a set of perks is worth on a basket, in cents. Every perk is measured
// on the gross basket (before other perks), so the order perks are applied in
// never matters; discounts are capped so a bill never goes below zero.
import type { BasketLine, Perk, PerkCategory, ProgrammeRules } from './programme';

/** The basket's total and its spend per department (any the catalogue has, so a Map: no prototype keys). */
export type BasketTotals = { totalCents: number; byCategory: ReadonlyMap<PerkCategory, number> };

/** Adds `amount` to the department's running sum. */
export function addTo(sums: Map<PerkCategory, number>, category: PerkCategory, amount: number) {
  sums.set(category, (sums.get(category) ?? 0) + amount);
}

export function basketTotals(lines: readonly BasketLine[]): BasketTotals {
  const byCategory = new Map<PerkCategory, number>();
  let totalCents = 0;
  for (const line of lines) {
    const amount = line.unitPriceCents * line.quantity;
    addTo(byCategory, line.category, amount);
    totalCents += amount;
  }
  return { totalCents, byCategory };
}

/** The spend a perk looks at: its department's lines, or the whole basket. */
export function qualifyingSpend(perk: Perk, totals: BasketTotals): number {
  return perk.category ? (totals.byCategory.get(perk.category) ?? 0) : totals.totalCents;
}

/** Each department's perk discounts, capped by what was spent there. */
export function cappedByDepartment(
  perCategory: ReadonlyMap<PerkCategory, number>,
  totals: BasketTotals,
): number {
  let discount = 0;
  for (const [category, cents] of perCategory)
    discount += Math.min(totals.byCategory.get(category) ?? 0, cents);
  return discount;
}

/** One perk alone: the discount it asks for and the bonus points it earns. */
export type PerkEffect = { discountCents: number; bonusPoints: number };

export function perkEffect(perk: Perk, totals: BasketTotals, rules: ProgrammeRules): PerkEffect {
  const spend = qualifyingSpend(perk, totals);
  switch (perk.kind) {
    case 'percent':
      return { discountCents: Math.floor((spend * perk.value) / 100), bonusPoints: 0 };
    case 'amount':
      return { discountCents: Math.min(spend, Math.round(perk.value)), bonusPoints: 0 };
    case 'points-multiplier': {
      const basePoints = Math.floor((spend / 100) * rules.pointsPerEuro);
      return { discountCents: 0, bonusPoints: Math.floor(basePoints * (perk.value - 1)) };
    }
  }
}

export type CombinationValue = {
  /** Money off the bill. */
  discountCents: number;
  bonusPoints: number;
  /** What the shopper gains: the discount plus the bonus points' worth. */
  valueCents: number;
};

/** A combination's worth. Subadditive: adding a perk never adds more than it is worth alone. */
export function combinationValue(
  perks: readonly Perk[],
  totals: BasketTotals,
  rules: ProgrammeRules,
): CombinationValue {
  const perCategory = new Map<PerkCategory, number>();
  let storewide = 0;
  let bonusPoints = 0;
  for (const perk of perks) {
    const effect = perkEffect(perk, totals, rules);
    bonusPoints += effect.bonusPoints;
    if (perk.category) addTo(perCategory, perk.category, effect.discountCents);
    else storewide += effect.discountCents;
  }
  const discount = storewide + cappedByDepartment(perCategory, totals);
  const discountCents = Math.min(totals.totalCents, discount);
  return {
    discountCents,
    bonusPoints,
    valueCents: discountCents + bonusPoints * rules.pointValueCents,
  };
}
