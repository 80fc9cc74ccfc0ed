// The loyalty programme's data as both the store server and the staff console
// read it: tiers, perks, baskets. Members' personal data never leaves staff
// screens, so nothing here is synced to devices.
import { z } from 'zod';
import { Localized } from '../catalogue';
import { Slug } from '../product-facts';

const Id = z.string().min(1).max(64);

export const LoyaltyTier = z.enum(['bronze', 'silver', 'gold']);
export type LoyaltyTier = z.infer<typeof LoyaltyTier>;
export const TIER_RANK: Record<LoyaltyTier, number> = { bronze: 0, silver: 1, gold: 2 };

/** A perk's scope: one of the catalogue's departments (Product.department), any the store has. */
export const PerkCategory = Slug;
export type PerkCategory = z.infer<typeof PerkCategory>;

export const Perk = z.object({
  id: Id,
  label: Localized,
  /** percent: % off; amount: cents off; points-multiplier: × points earned. */
  kind: z.enum(['percent', 'amount', 'points-multiplier']),
  value: z.number().positive(),
  /** Only on this department's lines when set; the whole basket otherwise. */
  category: PerkCategory.optional(),
  minSpendCents: z.number().int().nonnegative(),
  stackable: z.boolean(),
  expiresAt: z.iso.datetime(),
  /** The lowest tier that gets it; higher tiers get it too. */
  tier: LoyaltyTier,
});
export type Perk = z.infer<typeof Perk>;

export const BasketLine = z.object({
  productId: Id,
  category: PerkCategory,
  unitPriceCents: z.number().int().nonnegative(),
  quantity: z.number().int().positive().max(999),
});
export type BasketLine = z.infer<typeof BasketLine>;

/** The programme's fixed rules: how points are earned and what they are worth. */
export type ProgrammeRules = { pointsPerEuro: number; pointValueCents: number };
export const DEFAULT_RULES: ProgrammeRules = { pointsPerEuro: 1, pointValueCents: 1 };

/** What a member can see at the till: no address, no history beyond this. */
export const MemberSummary = z.object({
  id: Id,
  cardCode: z.string(),
  name: z.string(),
  tier: LoyaltyTier,
  points: z.number().int().nonnegative(),
  lang: z.enum(['fr', 'en']),
});
export type MemberSummary = z.infer<typeof MemberSummary>;
