// Fine-food products: an item from the subcategory's list, a format, facts
// per 100 g drawn inside realistic ranges. Allergens live in the food facts
// (screens translate them), not in the description. Pairings are linked later (links.ts).
import type { Product } from '@vitrine/shared/core';
import { shelvesOf } from './category-path';
import { loyaltyPriceCents, shelfPriceCents } from './prices';
import { productImages, uniqueTags, variantIds, type ProductSeed } from './product-seed';
import type { Random } from './random';
import type { FoodSubcategory, NutritionRanges } from './words-food';
import { COMMON_TAGS } from './words-fr-en';

type Nutrition = NonNullable<Product['food']>['nutritionPer100g'];

/** Values inside the ranges, with saturated fat ≤ fat and sugars ≤ carbohydrates. */
export function drawNutrition(rng: Random, ranges: NutritionRanges): Nutrition {
  const fat = rng.round(...ranges.fat, 1);
  const carbohydrates = rng.round(...ranges.carbohydrates, 1);
  return {
    energyKcal: Math.round(rng.float(...ranges.energyKcal)),
    fat,
    saturatedFat: Math.min(fat, rng.round(...ranges.saturatedFat, 1)),
    carbohydrates,
    sugars: Math.min(carbohydrates, rng.round(...ranges.sugars, 1)),
    protein: rng.round(...ranges.protein, 1),
    salt: rng.round(...ranges.salt, 2),
  };
}

/** The workshop's "may contain" allergens the item does not already declare. */
function tracesBeyond(allergens: readonly string[], traces: readonly string[] = []) {
  const left = traces.filter((tag) => !allergens.includes(tag));
  return left.length > 0 ? { traces: left } : {};
}

export function makeFoodProduct(seed: ProductSeed, sub: FoodSubcategory): Product {
  const { rng, id } = seed;
  const item = rng.pick(sub.items);
  const qualifier =
    item.qualifiers.length > 0 && rng.chance(0.8) ? rng.pick(item.qualifiers) : undefined;
  const formatIndex = rng.int(0, sub.formats.length - 1);
  const format = sub.formats[formatIndex] ?? '';
  const brand = rng.pick(sub.brands);

  // Bigger formats cost more: each format gets its slice of the price range.
  const [min, max] = sub.priceEuros;
  const step = (max - min) / sub.formats.length;
  const priceCents = shelfPriceCents(rng, min + step * formatIndex, min + step * (formatIndex + 1));
  const lead = rng.pick(sub.leads);
  const french = item.origin.fr.endsWith('France');

  const gtin = seed.gtins.next(brand);
  const product: Product = {
    id,
    gtin,
    name: {
      fr: `${item.name.fr}${qualifier ? ` ${qualifier.fr}` : ''}, ${format}`,
      en: `${item.name.en}${qualifier ? `, ${qualifier.en}` : ''}, ${format}`,
    },
    brand,
    ...shelvesOf(sub),
    description: {
      fr: `${lead.fr} Origine\u202f: ${item.origin.fr}.`,
      en: `${lead.en} Origin: ${item.origin.en}.`,
    },
    priceCents,
    images: productImages(seed),
    tags: uniqueTags([
      french && rng.chance(0.5) && 'made-in-france',
      rng.chance(0.2) && 'organic',
      item.allergens.length === 0 && 'allergen-free',
      rng.chance(0.15) && rng.pick(COMMON_TAGS),
    ]),
    variants: variantIds(id, [], gtin),
    complementary: [],
    attributes: [],
    food: {
      composition: item.composition,
      origin: item.origin.fr,
      originLabel: item.origin,
      allergens: [...item.allergens],
      ...tracesBeyond(item.allergens, sub.traces),
      ...(sub.nutritionBasis ? { nutritionBasis: sub.nutritionBasis } : {}),
      nutritionPer100g: drawNutrition(rng, sub.nutrition),
      pairings: [],
    },
  };
  if (rng.chance(0.15)) product.loyaltyPriceCents = loyaltyPriceCents(rng, priceCents);
  return product;
}
