// Electronics products: a device or accessory by an invented brand, with
// specs, storage/size/colour variants and, for some, a 3D model.
import type { Product } from '@vitrine/shared/core';
import { drawSpecs } from './electronics-specs';
import { shelvesOf } from './category-path';
import { loyaltyPriceCents, shelfPriceCents } from './prices';
import { productImages, uniqueTags, variantIds, type ProductSeed } from './product-seed';
import type { Random } from './random';
import {
  MODEL_NUMBERS,
  STORAGE_SIZES,
  TECH_COLOURS,
  type ElectronicsSubcategory,
} from './words-electronics';
import { COMMON_TAGS, capitalise } from './words-fr-en';

type Variant = Omit<Product['variants'][number], 'id'> & { gtin: string };

const WARRANTY = [
  { fr: 'Garantie 2 ans, extensible à 5 ans.', en: 'Two-year warranty, extendable to five.' },
  {
    fr: 'Réparable : pièces détachées disponibles 7 ans.',
    en: 'Repairable: spare parts available for 7 years.',
  },
  { fr: 'Livré avec un câble USB-C.', en: 'Comes with a USB-C cable.' },
];

/** The variant axes: each combination gets its own GTIN. */
function variantAxes(
  rng: Random,
  sub: ElectronicsSubcategory,
): { sizes: string[]; colours: string[] } {
  const pickColours = (max: number): string[] =>
    rng.sample(TECH_COLOURS, rng.int(1, max)).map((colour) => colour.fr);
  switch (sub.variantKind) {
    case 'storage': {
      const scale = STORAGE_SIZES[sub.slug] ?? [];
      return { sizes: scale.slice(rng.int(0, 1)), colours: pickColours(3) };
    }
    case 'case-size':
      return { sizes: rng.chance(0.7) ? ['41 mm', '45 mm'] : ['45 mm'], colours: pickColours(3) };
    case 'colour':
      return { sizes: [], colours: pickColours(4) };
    case 'none':
      return { sizes: [], colours: [] };
  }
}

function makeVariants(
  seed: ProductSeed,
  brand: string,
  sizes: string[],
  colours: string[],
): Variant[] {
  if (sizes.length === 0)
    return colours.map((colour) => ({ gtin: seed.gtins.next(brand), colour }));
  return colours.flatMap((colour) =>
    sizes.map((size) => ({ gtin: seed.gtins.next(brand), size, colour })),
  );
}

export function makeElectronicsProduct(seed: ProductSeed, sub: ElectronicsSubcategory): Product {
  const { rng, id } = seed;
  const brand = rng.pick(sub.brands);
  const feature = rng.pick(sub.features);
  const model = sub.lines.length > 0 ? ` ${rng.pick(sub.lines)} ${rng.pick(MODEL_NUMBERS)}` : '';
  const specs = drawSpecs(rng, sub.slug);
  const screen = sub.slug === 'television' && specs.screen ? ` ${specs.screen}` : '';
  const { sizes, colours } = variantAxes(rng, sub);
  const gtin = seed.gtins.next(brand);
  const variants = variantIds(id, makeVariants(seed, brand, sizes, colours), gtin);
  const priceCents = shelfPriceCents(rng, sub.priceEuros[0], sub.priceEuros[1]);
  const lead = rng.pick(sub.leads);
  const warranty = rng.pick(WARRANTY);
  const model3d =
    sub.model3d !== undefined && rng.chance(0.35)
      ? `/assets/models/${sub.model3d}.gltf`
      : undefined;

  const product: Product = {
    id,
    gtin,
    name: {
      fr: `${sub.noun.fr} ${feature.fr} ${brand}${model}${screen}`,
      en: capitalise(`${brand}${model} ${feature.en} ${sub.noun.en}${screen}`),
    },
    brand,
    ...shelvesOf(sub),
    description: { fr: `${lead.fr} ${warranty.fr}`, en: `${lead.en} ${warranty.en}` },
    priceCents,
    images: productImages(seed),
    tags: uniqueTags([
      sub.lines.length === 0 ? 'accessory' : 'device',
      model3d && '3d',
      rng.chance(0.2) && rng.pick(COMMON_TAGS),
    ]),
    variants,
    complementary: [],
    attributes: Object.entries(specs).map(([key, value]) => ({ key, value })),
    ...(model3d ? { model3d } : {}),
  };
  if (rng.chance(0.2)) product.loyaltyPriceCents = loyaltyPriceCents(rng, priceCents);
  return product;
}
