// The exact search behind optimisePerks: branch and bound over the usable
// perks, best first. A combination's worth is subadditive (perk-value.ts), so
// at any node "worth so far + the most the remaining perks can still add"
// bounds every completion. "The most they can add" respects the rules: one
// perk per category, one non-stackable storewide perk, every stackable
// storewide perk — a much tighter bound than summing them all.
// Values are kept incrementally so each node costs O(perks), not O(basket).
import { addTo, cappedByDepartment, type BasketTotals, type PerkEffect } from './perk-value';
import type { Perk, PerkCategory, ProgrammeRules } from './programme';

export type Candidate = { perk: Perk; alone: number; effect: PerkEffect };
type Best = { perks: Perk[]; value: number; key: string };

const keyOf = (perks: readonly Perk[]) =>
  perks
    .map((perk) => perk.id)
    .sort()
    .join('\u0000');

/** True if (value, perks) beats `best`: more value, then fewer perks, then smaller ids. */
export function beats(value: number, perks: readonly Perk[], best: Best | undefined): boolean {
  if (!best) return true;
  if (value !== best.value) return value > best.value;
  if (perks.length !== best.perks.length) return perks.length < best.perks.length;
  return keyOf(perks) < best.key;
}

export function searchBestPerks(
  candidates: readonly Candidate[],
  totals: BasketTotals,
  rules: ProgrammeRules,
): Perk[] {
  const perCategory = new Map<PerkCategory, number>();
  let storewide = 0;
  let bonus = 0;
  const takenCategories = new Set<PerkCategory>();
  let nonStackableTaken = false;
  const chosen: Perk[] = [];
  let best: Best | undefined;

  const worth = () => {
    const discount = storewide + cappedByDepartment(perCategory, totals);
    return Math.min(totals.totalCents, discount) + bonus * rules.pointValueCents;
  };
  const fits = (perk: Perk) =>
    !(perk.category && takenCategories.has(perk.category)) &&
    (perk.stackable || !nonStackableTaken);
  const ceiling =
    totals.totalCents +
    candidates.reduce((sum, c) => sum + c.effect.bonusPoints, 0) * rules.pointValueCents;

  const bound = (index: number, value: number) => {
    // The best perk left in each department, over whatever departments the perks name.
    const bestInCategory = new Map<PerkCategory, number>();
    let bestNonStackable = 0;
    let stackable = 0;
    for (let i = index; i < candidates.length; i++) {
      const { perk, alone } = candidates[i]!;
      if (!fits(perk)) continue;
      if (perk.category)
        bestInCategory.set(perk.category, Math.max(bestInCategory.get(perk.category) ?? 0, alone));
      else if (!perk.stackable) bestNonStackable = Math.max(bestNonStackable, alone);
      else stackable += alone;
    }
    let rest = 0;
    for (const most of bestInCategory.values()) rest += most;
    return Math.min(value + rest + bestNonStackable + stackable, ceiling);
  };

  const hopeless = (index: number, value: number) => {
    if (!best) return false;
    const most = bound(index, value);
    if (most < best.value) return true;
    // At best a tie: it must not need more perks than the best already has.
    return most === best.value && chosen.length + (value < best.value ? 1 : 0) > best.perks.length;
  };

  const search = (index: number, value: number) => {
    if (beats(value, chosen, best)) best = { perks: [...chosen], value, key: keyOf(chosen) };
    if (index >= candidates.length || hopeless(index, value)) return;
    const { perk, effect } = candidates[index]!;
    if (fits(perk)) {
      const wasNonStackableTaken = nonStackableTaken;
      chosen.push(perk);
      if (perk.category) {
        takenCategories.add(perk.category);
        addTo(perCategory, perk.category, effect.discountCents);
      } else storewide += effect.discountCents;
      if (!perk.stackable) nonStackableTaken = true;
      bonus += effect.bonusPoints;
      search(index + 1, worth());
      bonus -= effect.bonusPoints;
      nonStackableTaken = wasNonStackableTaken;
      if (perk.category) {
        takenCategories.delete(perk.category);
        addTo(perCategory, perk.category, -effect.discountCents);
      } else storewide -= effect.discountCents;
      chosen.pop();
    }
    search(index + 1, value);
  };
  search(0, 0);
  return best?.perks ?? [];
}
