// Staff loyalty API: look a member up by card, find the best perks for a
// basket and redeem them. Staff sessions only: a device credential gets 401.
import { Router } from 'express';
import {
  explainDecision,
  optimisePerks,
  OptimiseRequest,
  parseUnknown,
  RedeemRequest,
} from '@vitrine/shared/core';
import type { CatalogueStore } from '../catalogue/catalogue-store';
import { HttpError, parseOr400 } from '../http/http-error';
import { requireRole, type StaffAuth } from '../staff/staff-auth';
import { z } from 'zod';
import { priceBasket } from './basket-pricing';
import type { LoyaltyStore } from './loyalty-store';
import { redeem } from './redeem';

const MemberQuery = z.object({ q: z.string().trim().min(2).max(80) });

export function loyaltyRoutes(options: {
  auth: StaffAuth;
  store: LoyaltyStore;
  catalogue: CatalogueStore;
  now?: () => Date;
}): Router {
  const { auth, store, catalogue } = options;
  const now = options.now ?? (() => new Date());
  const router = Router();
  const memberOr404 = (cardCode: string) => {
    const member = store.member(cardCode);
    if (!member) throw new HttpError(404, 'unknown_member', 'no member has this card');
    return member;
  };

  // A member who forgot their card, by name: any word order, with or without accents.
  router.get('/loyalty/members', (req, res) => {
    requireRole(req, auth, 'staff');
    const { q } = parseOr400(parseUnknown(MemberQuery, req.query));
    res.set('cache-control', 'no-store').json({ members: store.searchMembers(q) });
  });

  router.get('/loyalty/members/:cardCode', (req, res) => {
    requireRole(req, auth, 'staff');
    res.set('cache-control', 'no-store').json(store.view(memberOr404(req.params.cardCode)));
  });

  router.post('/loyalty/optimise', (req, res) => {
    requireRole(req, auth, 'staff');
    const body = parseOr400(parseUnknown(OptimiseRequest, req.body));
    const member = memberOr404(body.cardCode);
    const { priced, lines } = priceBasket(catalogue, body.basket);
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
      fr: explainDecision(decision, 'fr', (id) => labels.get(id)?.fr ?? id),
      en: explainDecision(decision, 'en', (id) => labels.get(id)?.en ?? id),
    }));
    res.set('cache-control', 'no-store').json({
      member,
      lines: priced,
      totalCents: result.totals.totalCents,
      chosen: result.chosen,
      value: result.value,
      explanations,
    });
  });

  router.post('/loyalty/redeem', (req, res) => {
    const user = requireRole(req, auth, 'staff');
    const body = parseOr400(parseUnknown(RedeemRequest, req.body));
    const { lines } = priceBasket(catalogue, body.basket);
    const receipt = redeem({ store, request: body, lines, staffUserId: user.id, now: now() });
    res.status(receipt.replayed ? 200 : 201).json(receipt);
  });
  return router;
}
