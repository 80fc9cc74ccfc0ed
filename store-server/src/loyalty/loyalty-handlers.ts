// Loyalty handlers (routes: shared/src/core/http/routes/loyalty.ts): look a
// member up by card or name, find the best perks for a basket and redeem them.
// Explanations speak of money in the store's currency.
import { explainDecision, optimisePerks, type loyaltyRoutes } from '@vitrine/shared/core';
import type { CatalogueStore } from '../catalogue/catalogue-store';
import { HttpError } from '@vitrine/shared/node';
import type { Handlers } from '../http/register-routes';
import { priceBasket } from './basket-pricing';
import type { LoyaltyStore } from './loyalty-store';
import { redeem } from './redeem';

export function loyaltyHandlers(options: {
  store: LoyaltyStore;
  catalogue: CatalogueStore;
  /** ISO 4217 code of the store's prices (VITRINE_CURRENCY). */
  currency: string;
  now?: () => Date;
}): Handlers<typeof loyaltyRoutes> {
  const { store, catalogue, currency } = options;
  const now = options.now ?? (() => new Date());
  const memberOr404 = (cardCode: string) => {
    const member = store.member(cardCode);
    if (!member) throw new HttpError(404, 'unknown_member', 'no member has this card');
    return member;
  };

  return {
    searchMembers: ({ query, res }) => {
      res.set('cache-control', 'no-store');
      return { members: store.searchMembers(query.q) };
    },
    member: ({ params, res }) => {
      res.set('cache-control', 'no-store');
      return store.view(memberOr404(params.cardCode));
    },
    optimise: ({ body, res }) => {
      const member = memberOr404(body.cardCode);
      const { priced, lines } = priceBasket(catalogue, body.basket, now());
      const perks = store.perks();
      const labels = new Map(perks.map((perk) => [perk.id, perk.label]));
      const result = optimisePerks({
        perks,
        lines,
        tier: member.tier,
        now: now(),
        redeemed: new Set(store.redeemed(member.id)),
      });
      const explanations = result.decisions.map((decision) => ({
        perkId: decision.perkId,
        chosen: decision.chosen,
        fr: explainDecision(decision, 'fr', (id) => labels.get(id)?.fr ?? id, currency),
        en: explainDecision(decision, 'en', (id) => labels.get(id)?.en ?? id, currency),
      }));
      res.set('cache-control', 'no-store');
      return {
        member,
        lines: priced,
        totalCents: result.totals.totalCents,
        chosen: result.chosen,
        value: result.value,
        explanations,
      };
    },
    redeem: ({ body, caller, res }) => {
      const { lines } = priceBasket(catalogue, body.basket, now());
      const receipt = redeem({ store, request: body, lines, staffUserId: caller.id, now: now() });
      // A retry answers the first receipt: nothing new was created.
      if (receipt.replayed) res.status(200);
      return receipt;
    },
  };
}
