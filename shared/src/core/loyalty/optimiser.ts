// Picks the best combination of a member's perks for a basket, exactly (the
// search is in perk-search.ts), and says for every perk why it was chosen or
// left out. A perk worth nothing alone can never help (a combination's worth
// is subadditive), so it is left out before the search. Ties go to fewer
// perks (keep the rest for later), then to the smaller ids.
import type { BasketLine, LoyaltyTier, Perk, ProgrammeRules } from './programme';
import { DEFAULT_RULES } from './programme';
import {
  basketTotals,
  combinationValue,
  perkEffect,
  type BasketTotals,
  type CombinationValue,
} from './perk-value';
import { searchBestPerks, type Candidate } from './perk-search';
import { conflict, ineligibility, type Ineligibility } from './rules';

export type PerkDecision =
  | { perkId: string; chosen: true; alone: CombinationValue }
  | { perkId: string; chosen: false; reason: Ineligibility }
  | { perkId: string; chosen: false; reason: { code: 'no-value' } }
  | {
      perkId: string;
      chosen: false;
      reason: { code: 'not-stackable' | 'category-taken'; with: string };
      alone: CombinationValue;
    };

export type Optimisation = {
  chosen: string[];
  value: CombinationValue;
  totals: BasketTotals;
  /** One entry per perk of the programme, in the programme's order. */
  decisions: PerkDecision[];
};

export type OptimiseInput = {
  perks: readonly Perk[];
  lines: readonly BasketLine[];
  tier: LoyaltyTier;
  now: Date;
  redeemed?: ReadonlySet<string>;
  rules?: ProgrammeRules;
};

export function optimisePerks(input: OptimiseInput): Optimisation {
  const rules = input.rules ?? DEFAULT_RULES;
  const totals = basketTotals(input.lines);
  const context = {
    tier: input.tier,
    now: input.now,
    redeemed: input.redeemed ?? new Set<string>(),
    totals,
  };
  const blocked = new Map<string, PerkDecision>();
  const candidates: Candidate[] = [];
  for (const perk of input.perks) {
    const reason = ineligibility(perk, context);
    if (reason) {
      blocked.set(perk.id, { perkId: perk.id, chosen: false, reason });
      continue;
    }
    const alone = combinationValue([perk], totals, rules).valueCents;
    if (alone <= 0)
      blocked.set(perk.id, { perkId: perk.id, chosen: false, reason: { code: 'no-value' } });
    else candidates.push({ perk, alone, effect: perkEffect(perk, totals, rules) });
  }
  // Best first: a good answer early makes the bound prune more.
  candidates.sort((a, b) => b.alone - a.alone || a.perk.id.localeCompare(b.perk.id));
  const picked = searchBestPerks(candidates, totals, rules);
  const pickedIds = new Set(picked.map((perk) => perk.id));
  const decisions = input.perks.map((perk): PerkDecision => {
    const alone = combinationValue([perk], totals, rules);
    if (pickedIds.has(perk.id)) return { perkId: perk.id, chosen: true, alone };
    const early = blocked.get(perk.id);
    if (early) return early;
    const clash = conflict(perk, picked);
    // Without a clash the perk would fit, so it must add nothing on top of the choice.
    if (!clash) return { perkId: perk.id, chosen: false, reason: { code: 'no-value' } };
    return { perkId: perk.id, chosen: false, reason: clash, alone };
  });
  return {
    chosen: picked.map((perk) => perk.id).sort(),
    value: combinationValue(picked, totals, rules),
    totals,
    decisions,
  };
}

/** The bonus points a set of perks earns (for the receipt). */
export function bonusPointsOf(perks: readonly Perk[], totals: BasketTotals, rules = DEFAULT_RULES) {
  return perks.reduce((sum, perk) => sum + perkEffect(perk, totals, rules).bonusPoints, 0);
}
