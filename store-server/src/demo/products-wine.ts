// Wines and Champagnes: an estate, an appellation and a vintage a few years
// before `now`; the grape blend makes the composition.
import { allergenTag, type Product } from '@vitrine/shared/core';
import { drawNutrition } from './products-food';
import { shelvesOf } from './category-path';
import { loyaltyPriceCents, shelfPriceCents } from './prices';
import { productImages, uniqueTags, variantIds, type ProductSeed } from './product-seed';
import type { Random } from './random';
import { nutrition } from './words-food';
import { FIRST_NAMES_FR, LAST_NAMES } from './words-fr-en';
import {
  APPELLATIONS,
  CHAMPAGNE_HOUSES,
  ESTATE_PLACES,
  REGION_NAMES_EN,
  type Appellation,
  type WineSubcategory,
} from './words-wine';

const WINE_NUTRITION = nutrition('68-88 0 0 0.2-3 0.1-1.5 0-0.2 0-0.01');

function estateName(rng: Random, appellation: Appellation): string {
  if (appellation.region === 'Champagne') return `Champagne ${rng.pick(CHAMPAGNE_HOUSES)}`;
  if (appellation.region === 'Bordeaux') return `Château ${rng.pick(ESTATE_PLACES)}`;
  if (rng.chance(0.4)) return `Domaine ${rng.pick(FIRST_NAMES_FR)} ${rng.pick(LAST_NAMES)}`;
  const prefix = ['Languedoc', 'Provence'].includes(appellation.region) ? 'Mas' : 'Clos';
  return rng.chance(0.5)
    ? `Domaine ${rng.pick(ESTATE_PLACES)}`
    : `${prefix} ${rng.pick(ESTATE_PLACES)}`;
}

/** "Merlot 70 %, Cabernet franc 30 %": shares in steps of 5 that add up to 100. */
function blend(rng: Random, grapes: readonly string[], lang: 'fr' | 'en'): string {
  let left = 100;
  const parts = grapes.map((grape, i) => {
    const rest = grapes.length - i - 1;
    const share =
      rest === 0 ? left : Math.max(5, Math.round((left * rng.float(0.45, 0.75)) / 5) * 5);
    left -= share;
    return lang === 'fr' ? `${grape} ${share}\u202f%` : `${grape} ${share}%`;
  });
  return parts.join(', ');
}

const APPELLATIONS_BY_COLOUR = new Map(
  (['red', 'white', 'rose', 'sparkling'] as const).map((colour) => [
    colour,
    APPELLATIONS.filter((a) => a.colour === colour),
  ]),
);

export function makeWineProduct(seed: ProductSeed, sub: WineSubcategory): Product {
  const { rng, id, now } = seed;
  const appellation = rng.pick(APPELLATIONS_BY_COLOUR.get(sub.colour) ?? APPELLATIONS);
  const estate = estateName(rng, appellation);
  const age = sub.colour === 'red' ? rng.int(2, 12) : rng.int(1, 5);
  const vintage =
    sub.colour !== 'sparkling' || appellation.name.includes('Millésimé')
      ? now.getUTCFullYear() - age - (sub.colour === 'sparkling' ? 5 : 0)
      : undefined;
  const magnum = rng.chance(0.08);
  const size = magnum ? { fr: ', magnum 150 cl', en: ', magnum (150 cl)' } : { fr: '', en: '' };
  const year = vintage === undefined ? '' : ` ${vintage}`;
  const cuvee = `${appellation.name} ${sub.colourWord.fr}`.trim();
  const note = rng.pick(sub.notes);
  const drinkBy = Math.max(
    now.getUTCFullYear() + 1,
    (vintage ?? now.getUTCFullYear()) + rng.int(4, 15),
  );
  const [min, max] = appellation.priceEuros;
  const priceCents = shelfPriceCents(rng, min * (magnum ? 2.2 : 1), max * (magnum ? 2.2 : 1));
  const grapes = rng.chance(0.3) ? appellation.grapes.slice(0, 1) : appellation.grapes;

  const gtin = seed.gtins.next(estate);
  const product: Product = {
    id,
    gtin,
    name: {
      fr: `${estate}, ${cuvee}${year}${size.fr}`,
      en: `${estate}, ${appellation.name}${year}${sub.colourWord.en ? ` (${sub.colourWord.en})` : ''}${size.en}`,
    },
    brand: estate,
    ...shelvesOf(sub),
    description: {
      fr: `${note.fr} ${sub.serving.fr} À boire jusqu’en ${drinkBy}. Contient des sulfites.`,
      en: `${note.en} ${sub.serving.en} Drink by ${drinkBy}. Contains sulphites.`,
    },
    priceCents,
    images: productImages(seed),
    tags: uniqueTags([
      'made-in-france',
      rng.chance(0.25) && 'organic',
      rng.chance(0.05) && 'biodynamic',
      rng.chance(0.1) && 'gift-idea',
    ]),
    variants: variantIds(id, [], gtin),
    complementary: [],
    attributes: [],
    food: {
      composition: {
        fr: `${blend(rng.fork(id), grapes, 'fr')} — contient des sulfites`,
        en: `${blend(rng.fork(id), grapes, 'en')} — contains sulphites`,
      },
      origin: `${appellation.region}, France`,
      originLabel: {
        fr: `${appellation.region}, France`,
        en: `${REGION_NAMES_EN[appellation.region] ?? appellation.region}, France`,
      },
      allergens: [allergenTag('sulphur-dioxide-and-sulphites')],
      nutritionBasis: '100ml',
      nutritionPer100g: drawNutrition(rng, WINE_NUTRITION),
      pairings: [],
      // Its own stream: drawing dishes leaves the rest of the catalogue as it was.
      dishes: rng.fork(`${id}/dishes`).sample(sub.dishes, 3),
    },
  };
  if (rng.chance(0.15)) product.loyaltyPriceCents = loyaltyPriceCents(rng, priceCents);
  return product;
}
