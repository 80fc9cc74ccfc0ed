// The programme's rules on which perks a member may use and which combine.
import { TIER_RANK, type LoyaltyTier, type Perk } from './programme';
import { qualifyingSpend, type BasketTotals } from './perk-value';

/** Why a perk cannot be used at all on this basket (before combining). */
export type Ineligibility =
  | { code: 'expired'; expiredAt: string }
  | { code: 'tier'; needs: LoyaltyTier }
  | { code: 'redeemed' }
  | { code: 'min-spend'; needsCents: number; hasCents: number };

export function ineligibility(
  perk: Perk,
  context: { tier: LoyaltyTier; now: Date; redeemed: ReadonlySet<string>; totals: BasketTotals },
): Ineligibility | undefined {
  if (Date.parse(perk.expiresAt) <= context.now.getTime()) {
    return { code: 'expired', expiredAt: perk.expiresAt };
  }
  if (TIER_RANK[context.tier] < TIER_RANK[perk.tier]) return { code: 'tier', needs: perk.tier };
  if (context.redeemed.has(perk.id)) return { code: 'redeemed' };
  const spend = qualifyingSpend(perk, context.totals);
  if (spend < perk.minSpendCents) {
    return { code: 'min-spend', needsCents: perk.minSpendCents, hasCents: spend };
  }
  return undefined;
}

/** Why `perk` cannot join `chosen`: one non-stackable perk at most, one perk per category. */
export function conflict(
  perk: Perk,
  chosen: readonly Perk[],
): { code: 'not-stackable' | 'category-taken'; with: string } | undefined {
  for (const other of chosen) {
    if (other.id === perk.id) continue;
    if (perk.category && other.category === perk.category) {
      return { code: 'category-taken', with: other.id };
    }
    if (!perk.stackable && !other.stackable) return { code: 'not-stackable', with: other.id };
  }
  return undefined;
}

/** True when no two perks of the set conflict. */
export function isValidCombination(perks: readonly Perk[]): boolean {
  return perks.every((perk, index) => conflict(perk, perks.slice(0, index)) === undefined);
}
