// Records a redemption, once. Everything is checked again inside one immediate
// SQLite transaction, so two consoles redeeming the same perk at the same time
// are serialised: the second sees the first's ledger row and is refused.
import {
  basketTotals,
  bonusPointsOf,
  combinationValue,
  conflict,
  DEFAULT_RULES,
  ineligibility,
  type BasketLine,
  type Perk,
  type Receipt,
  type RedeemRequest,
} from '@vitrine/shared/core';
import { HttpError } from '@vitrine/shared/node';
import { requestHash, type LoyaltyStore } from './loyalty-store';

const REFUSAL: Record<string, string> = {
  expired: 'perk_expired',
  tier: 'perk_tier',
  redeemed: 'perk_already_redeemed',
  'min-spend': 'perk_min_spend',
};

export function redeem(options: {
  store: LoyaltyStore;
  request: RedeemRequest;
  lines: BasketLine[];
  staffUserId: string;
  now: Date;
}): Receipt {
  const { store, request, lines, now } = options;
  const hash = requestHash({
    cardCode: request.cardCode,
    perkIds: [...request.perkIds].sort(),
    basket: request.basket,
  });
  return store.transaction(() => {
    const earlier = store.byIdempotencyKey(request.idempotencyKey);
    if (earlier) {
      if (earlier.requestHash !== hash) {
        throw new HttpError(
          409,
          'idempotency_key_reused',
          'this idempotency key was used for another redemption',
        );
      }
      return earlier.receipt; // a retry after a lost answer: same result, nothing spent twice
    }
    const member = store.member(request.cardCode);
    if (!member) throw new HttpError(404, 'unknown_member', 'no member has this card');
    const known = new Map(store.perks().map((perk) => [perk.id, perk]));
    const totals = basketTotals(lines);
    const redeemed = new Set(store.redeemed(member.id));
    const chosen: Perk[] = [];
    for (const perkId of new Set(request.perkIds)) {
      const perk = known.get(perkId);
      if (!perk) throw new HttpError(400, 'unknown_perk', `no perk ${perkId}`);
      const reason = ineligibility(perk, { tier: member.tier, now, redeemed, totals });
      if (reason) {
        const detail =
          reason.code === 'expired'
            ? `expired on ${reason.expiredAt}`
            : reason.code === 'tier'
              ? `needs the ${reason.needs} tier`
              : reason.code === 'redeemed'
                ? 'already redeemed by this member'
                : `needs ${reason.needsCents} cents of qualifying spend, basket has ${reason.hasCents}`;
        throw new HttpError(
          409,
          REFUSAL[reason.code] ?? 'perk_refused',
          `perk ${perkId} ${detail}`,
        );
      }
      const clash = conflict(perk, chosen);
      if (clash) {
        throw new HttpError(
          409,
          'invalid_combination',
          `perk ${perkId} cannot be combined with ${clash.with} (${clash.code})`,
        );
      }
      chosen.push(perk);
    }
    const value = combinationValue(chosen, totals, DEFAULT_RULES);
    const bonusPoints = bonusPointsOf(chosen, totals);
    // Points for what the member paid (after the discount), plus the perks' bonus.
    const paidPoints = Math.floor(
      ((totals.totalCents - value.discountCents) / 100) * DEFAULT_RULES.pointsPerEuro,
    );
    try {
      return store.append({
        idempotencyKey: request.idempotencyKey,
        requestHash: hash,
        memberId: member.id,
        perkIds: chosen.map((perk) => perk.id).sort(),
        discountCents: value.discountCents,
        bonusPoints,
        pointsEarned: paidPoints + bonusPoints,
        staffUserId: options.staffUserId,
      });
    } catch (error) {
      // The ledger's keys are the last word, whatever raced past the checks.
      if ((error as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT')) {
        throw new HttpError(
          409,
          'perk_already_redeemed',
          'a perk of this redemption was just redeemed',
        );
      }
      throw error;
    }
  });
}
