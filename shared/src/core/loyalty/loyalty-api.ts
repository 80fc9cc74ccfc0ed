// HTTP bodies of the staff loyalty API (/api/v1/loyalty/…), shared by the store
// server and the staff console.
import { z } from 'zod';
import { Uuid } from '../events';
import { MemberSummary, Perk } from './programme';

/** A basket as the till enters it: scanned codes and quantities; the server prices it. */
export const BasketEntry = z.object({
  code: z.string().regex(/^\d{8,14}$/, 'a GTIN of 8 to 14 digits'),
  quantity: z.number().int().positive().max(999),
});
export type BasketEntry = z.infer<typeof BasketEntry>;

export const OptimiseRequest = z.object({
  cardCode: z.string().min(1).max(32),
  basket: z.array(BasketEntry).max(200),
});
export type OptimiseRequest = z.infer<typeof OptimiseRequest>;

export const RedeemRequest = z.object({
  /** Chosen once per till action and reused on every retry of it. */
  idempotencyKey: Uuid,
  cardCode: z.string().min(1).max(32),
  perkIds: z.array(z.string().min(1).max(64)).min(1).max(30),
  basket: z.array(BasketEntry).max(200),
});
export type RedeemRequest = z.infer<typeof RedeemRequest>;

export const PricedLine = z.object({
  code: z.string(),
  productId: z.string(),
  name: z.string(),
  category: z.enum(['fashion', 'food', 'electronics']),
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
