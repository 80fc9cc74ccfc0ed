// A product as servers stored it between migrations 104 and 105 (catalogue
// v2): variants with ids, but a fixed three-value category with fashion /
// electronics sub-objects, every food fact required and a currency on each
// product. Frozen here so the v1 → v2 step and the v2 → v3 step
// (upgrade-v2.ts) keep reading the shapes they were written for.
import { z } from 'zod';
import { Gtin14, Localized, Variant } from './catalogue';

const Id = z.string().min(1).max(64);
const Cents = z.number().int().nonnegative();

const FoodFactsV2 = z.object({
  composition: Localized,
  origin: z.string(),
  originLabel: Localized.optional(),
  allergens: z.array(z.string()),
  traces: z.array(z.string()).optional(),
  nutritionBasis: z.enum(['100g', '100ml']).optional(),
  nutritionPer100g: z.object({
    energyKcal: z.number(),
    fat: z.number(),
    saturatedFat: z.number(),
    carbohydrates: z.number(),
    sugars: z.number(),
    protein: z.number(),
    salt: z.number(),
  }),
  pairings: z.array(Id),
  dishes: z.array(Localized).optional(),
});

export const ProductV2 = z.object({
  id: Id,
  gtin: Gtin14.optional(),
  name: Localized,
  brand: z.string(),
  category: z.enum(['fashion', 'food', 'electronics']),
  subcategory: z.string(),
  categoryPath: z.array(Localized).max(8).optional(),
  description: Localized,
  priceCents: Cents,
  loyaltyPriceCents: Cents.optional(),
  currency: z.literal('EUR'),
  images: z.array(z.string()),
  tags: z.array(z.string()),
  variants: z
    .array(Variant)
    .min(1)
    .refine((variants) => new Set(variants.map((v) => v.id)).size === variants.length, {
      message: 'two variants with the same id',
    }),
  complementary: z.array(Id),
  fashion: z
    .object({
      sizes: z.array(z.string()),
      colours: z.array(z.string()),
      sizeChart: z.string().optional(),
    })
    .optional(),
  food: FoodFactsV2.optional(),
  electronics: z
    .object({ specs: z.record(z.string(), z.string()), model3d: z.string().optional() })
    .optional(),
});
export type ProductV2 = z.infer<typeof ProductV2>;
