// Server-only demo data (never synced to devices, so not in shared/): loyalty
// members, the perks they can redeem at the till, and the remote experts.
import { Localized, Slug } from '@vitrine/shared/core';
import { z } from 'zod';
import { isLoyaltyCardCode } from './loyalty-card';

const Id = z.string().min(1).max(64);
const IsoDate = z.iso.datetime();

export const LoyaltyTier = z.enum(['bronze', 'silver', 'gold']);
export type LoyaltyTier = z.infer<typeof LoyaltyTier>;

const LoyaltyCardCode = z
  .string()
  .refine(isLoyaltyCardCode, 'a loyalty card code: VTR + 10 digits + check digit');

export const LoyaltyMember = z.object({
  id: Id,
  cardCode: LoyaltyCardCode,
  name: z.string().min(1),
  tier: LoyaltyTier,
  points: z.number().int().nonnegative(),
  lang: z.enum(['fr', 'en']),
  homeLocationId: Id,
  joinedAt: IsoDate,
});
export type LoyaltyMember = z.infer<typeof LoyaltyMember>;

export const Perk = z.object({
  id: Id,
  label: Localized,
  /** percent: % off; amount: cents off; points-multiplier: × points earned. */
  kind: z.enum(['percent', 'amount', 'points-multiplier']),
  value: z.number().positive(),
  /** Only on this department's products when set (Product.department). */
  category: Slug.optional(),
  minSpendCents: z.number().int().nonnegative(),
  stackable: z.boolean(),
  expiresAt: IsoDate,
  /** The lowest tier that gets it; higher tiers get it too. */
  tier: LoyaltyTier,
});
export type Perk = z.infer<typeof Perk>;

export const ExpertSkill = z.enum(['wine', 'nutrition', 'style', 'tech']);
export type ExpertSkill = z.infer<typeof ExpertSkill>;

export const RemoteExpert = z.object({
  id: Id,
  name: z.string().min(1),
  skills: z.array(ExpertSkill).min(1),
  /** ISO 639-1 codes, the first being the expert's first language. */
  languages: z.array(z.string().regex(/^[a-z]{2}$/)).min(1),
  bio: Localized,
});
export type RemoteExpert = z.infer<typeof RemoteExpert>;
