// Fashion products: a cut in a material by a brand, offered in a few colours
// and a run of sizes; every colour × size is a variant with its own GTIN.
import type { Product } from '@vitrine/shared/core';
import { shelvesOf } from './category-path';
import { loyaltyPriceCents, shelfPriceCents } from './prices';
import { productImages, uniqueTags, variantIds, type ProductSeed } from './product-seed';
import type { Random } from './random';
import {
  FASHION_BRANDS,
  FIT_AND_CARE,
  MODEL_NAMES,
  SIZES,
  type FashionSubcategory,
} from './words-fashion';
import { materialOf } from './words-fashion-materials';
import { COLOURS, COMMON_TAGS, capitalise } from './words-fr-en';

/** Brands sit at different price points: 0.85× to 1.45× the category's range. */
function brandPriceFactor(brand: string): number {
  return 0.85 + (FASHION_BRANDS.indexOf(brand) % 5) * 0.15;
}

/** A contiguous run of the size scale; most garments skip an extreme or two. */
function sizeRun(rng: Random, scale: readonly string[]): string[] {
  if (scale.length <= 2) return [...scale];
  const from = rng.chance(0.6) ? 0 : rng.int(1, 2);
  const to = scale.length - (rng.chance(0.6) ? 0 : rng.int(1, 2));
  return scale.slice(from, Math.max(to, from + 2));
}

export function makeFashionProduct(seed: ProductSeed, sub: FashionSubcategory): Product {
  const { rng, id } = seed;
  const brand = rng.pick(FASHION_BRANDS);
  const cut = rng.pick(sub.cuts);
  const material = materialOf(rng.pick(sub.materials));
  const model = rng.chance(0.4) ? rng.pick(MODEL_NAMES) : undefined;
  const colours = rng.sample(
    COLOURS,
    rng.weighted([1, 2, 3, 4], (n) => [3, 4, 3, 1][n - 1] ?? 1),
  );
  const sizes = sizeRun(rng, SIZES[sub.sizing]);

  const gtin = seed.gtins.next(brand);
  const variants = variantIds(
    id,
    colours.flatMap((colour) =>
      sizes.map((size) => ({
        gtin: seed.gtins.next(brand),
        size,
        colour: colour.fr,
        colourName: { fr: colour.fr, en: colour.en },
        swatch: colour.hex,
      })),
    ),
    gtin,
  );

  const factor = brandPriceFactor(brand);
  const priceCents = shelfPriceCents(rng, sub.priceEuros[0] * factor, sub.priceEuros[1] * factor);
  const lead = rng.pick(sub.leads);
  const care = rng.pick(FIT_AND_CARE);
  const range =
    colours.length > 1
      ? {
          fr: ` Existe en ${colours.length} coloris.`,
          en: ` Available in ${colours.length} colours.`,
        }
      : { fr: '', en: '' };

  const product: Product = {
    id,
    gtin,
    name: {
      fr: `${cut.fr} ${material.fr}${model ? ` ${model}` : ''}`,
      en: capitalise(`${model ? `${model} ` : ''}${material.en} ${cut.en}`),
    },
    brand,
    ...shelvesOf(sub),
    description: {
      fr: `${lead.fr} ${material.blurb.fr} ${care.fr}${range.fr}`,
      en: `${lead.en} ${material.blurb.en} ${care.en}${range.en}`,
    },
    priceCents,
    images: productImages(seed),
    tags: uniqueTags([material.tag, sub.role, rng.chance(0.25) && rng.pick(COMMON_TAGS)]),
    variants,
    complementary: [],
    attributes: [],
    sizeSystem: sub.sizing,
  };
  if (rng.chance(0.2)) product.loyaltyPriceCents = loyaltyPriceCents(rng, priceCents);
  return product;
}
