// What a product says about itself beyond its name and price, in shapes any
// catalogue can fill: a free taxonomy (a department and a path), attributes
// as key/value rows, and food facts where every part may be missing (a feed
// rarely has them all). Screens render what exists (catalogue v3).
import { z } from 'zod';

const Localized = z.object({ fr: z.string(), en: z.string() });
const Id = z.string().min(1).max(64);

/** A lower-case ASCII key written with dashes (`home-garden`, `screen-size`): a stable id from data. */
export const Slug = z
  .string()
  .max(64)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a slug: lower-case letters and digits joined by dashes');

/** A free key as a slug: lower case, runs of anything else than a–z and 0–9 as one dash. */
export function slugOf(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}

/** One fact in a product's table: "screen-size: 6.1 in", labelled by `label` or the screen's words. */
export const Attribute = z.object({
  key: Slug,
  value: z.string().max(500),
  unit: z.string().max(16).optional(),
  /** The key's name in each language, when the catalogue gives it (else the key itself). */
  label: Localized.optional(),
});
export type Attribute = z.infer<typeof Attribute>;

export const Attributes = z
  .array(Attribute)
  .max(100)
  .refine((rows) => new Set(rows.map((row) => row.key)).size === rows.length, {
    message: 'two attributes with the same key',
  });

const Amount = z.number().nonnegative();

export const FoodFacts = z.object({
  composition: Localized.optional(),
  /** The origin in French; `originLabel` has it in each language (newer feeds). */
  origin: z.string().optional(),
  originLabel: Localized.optional(),
  /** Allergen tags (`en:milk`, see allergens.ts); `traces`: "may contain". */
  allergens: z.array(z.string()).optional(),
  traces: z.array(z.string()).optional(),
  /** What the nutrition values are for: 100 g (the default) or 100 ml (drinks). */
  nutritionBasis: z.enum(['100g', '100ml']).optional(),
  /** Each value only when known: a missing one is not shown, never shown as 0. */
  nutritionPer100g: z
    .object({
      energyKcal: Amount,
      fat: Amount,
      saturatedFat: Amount,
      carbohydrates: Amount,
      sugars: Amount,
      protein: Amount,
      salt: Amount,
      fibre: Amount,
    })
    .partial()
    .optional(),
  nutriscoreGrade: z.enum(['a', 'b', 'c', 'd', 'e']).optional(),
  /** Products that go well with this one (a wine's cheeses, a cheese's wines). */
  pairings: z.array(Id).optional(),
  /** Dishes it goes with, not sold here (a wine's "roast lamb, mature cheeses"). */
  dishes: z.array(Localized).optional(),
});
export type FoodFacts = z.infer<typeof FoodFacts>;
