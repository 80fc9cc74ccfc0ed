// Loyalty at the till: staff look a member up by card or by name, find the
// best perks for a basket (with a reason for each) and redeem them. Staff
// sessions only: members' personal data never reaches a device.
import { z } from 'zod';
import { Uuid } from '../../events';
import { MemberSummary, Perk, PerkCategory } from '../../loyalty/programme';
import { route, staff } from '../route';

/** A loyalty card's code as printed (or typed at the till). */
const CardCode = z.string().min(1).max(32);

/** A basket as the till enters it: scanned codes and quantities; the server prices it. */
export const BasketEntry = z.object({
  code: z.string().regex(/^\d{8,14}$/, 'a GTIN of 8 to 14 digits'),
  quantity: z.number().int().positive().max(999),
});
export type BasketEntry = z.infer<typeof BasketEntry>;

export const OptimiseRequest = z.object({
  cardCode: CardCode,
  basket: z.array(BasketEntry).max(200),
});
export type OptimiseRequest = z.infer<typeof OptimiseRequest>;

export const RedeemRequest = z.object({
  /** Chosen once per till action and reused on every retry of it. */
  idempotencyKey: Uuid,
  cardCode: CardCode,
  perkIds: z.array(z.string().min(1).max(64)).min(1).max(30),
  basket: z.array(BasketEntry).max(200),
});
export type RedeemRequest = z.infer<typeof RedeemRequest>;

export const PricedLine = z.object({
  code: z.string(),
  productId: z.string(),
  name: z.string(),
  category: PerkCategory,
  unitPriceCents: z.number().int(),
  quantity: z.number().int(),
});
export type PricedLine = z.infer<typeof PricedLine>;

export const MemberView = z.object({
  member: MemberSummary,
  perks: z.array(Perk),
  redeemed: z.array(z.string()),
});
export type MemberView = z.infer<typeof MemberView>;

export const Receipt = z.object({
  redemptionId: z.string(),
  memberId: z.string(),
  perkIds: z.array(z.string()),
  discountCents: z.number().int(),
  bonusPoints: z.number().int(),
  /** Points credited to the member for this receipt (spend plus bonus). */
  pointsEarned: z.number().int().nonnegative(),
  /** The member's balance now, these points included. */
  pointsBalance: z.number().int().nonnegative(),
  at: z.string(),
  /** True when this answers a retry of an action already recorded. */
  replayed: z.boolean(),
});
export type Receipt = z.infer<typeof Receipt>;

/** Why the optimiser chose or left out a perk, in the store's currency, in French and English. */
export const PerkExplanation = z.object({
  perkId: z.string(),
  chosen: z.boolean(),
  fr: z.string(),
  en: z.string(),
});
export type PerkExplanation = z.infer<typeof PerkExplanation>;

/** The best perks for a basket: the priced basket, the perks chosen, their worth and why. */
export const OptimiseAnswer = z.object({
  member: MemberSummary,
  lines: z.array(PricedLine),
  totalCents: z.number().int(),
  chosen: z.array(z.string()),
  value: z.object({
    discountCents: z.number().int(),
    bonusPoints: z.number().int(),
    valueCents: z.number().int(),
  }),
  explanations: z.array(PerkExplanation),
});
export type OptimiseAnswer = z.infer<typeof OptimiseAnswer>;

const tillStaff = staff('staff');

export const loyaltyRoutes = {
  /** A member who forgot their card, by name: any word order, with or without accents. */
  searchMembers: route({
    method: 'GET',
    path: '/loyalty/members',
    summary: 'Members by name (up to 10), for a shopper who forgot their card',
    auth: tillStaff,
    query: z.object({ q: z.string().trim().min(2).max(80) }),
    response: z.object({ members: z.array(MemberSummary) }),
  }),
  member: route({
    method: 'GET',
    path: '/loyalty/members/:cardCode',
    summary: 'A member by card: tier, points, the perks and those already used; 404 if unknown',
    auth: tillStaff,
    params: z.object({ cardCode: CardCode }),
    response: MemberView,
  }),
  optimise: route({
    method: 'POST',
    path: '/loyalty/optimise',
    summary: "The best perks for a member's basket, with the reason for each perk",
    auth: tillStaff,
    body: OptimiseRequest,
    // A basket of up to 200 lines, however the till spaces its JSON.
    limit: 64 * 1024,
    response: OptimiseAnswer,
  }),
  redeem: route({
    method: 'POST',
    path: '/loyalty/redeem',
    summary: 'Redeems perks once: 201 with the receipt, 200 with the same one for a retry',
    auth: tillStaff,
    body: RedeemRequest,
    response: Receipt,
    status: 201,
  }),
} as const;
