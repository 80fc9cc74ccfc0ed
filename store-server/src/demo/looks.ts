// Complete-the-look sets for the smart mirrors: three or four fashion
// products that dress one person (a dress or a top and a bottom, shoes, …).
import type { Look, Product } from '@vitrine/shared/core';
import { subSlugOf } from './subcategories';
import type { Random } from './random';
import { FASHION_SUBCATEGORIES, type LookRole } from './words-fashion';
import { pairs } from './words-fr-en';

const THEMES = pairs(`
  Week-end = Weekend
  Brunch = Brunch
  Escapade = Getaway
  Dîner = Dinner
  Balade = Stroll
  Rentrée = Back to work
  Vernissage = Gallery opening
  Pique-nique = Picnic
  Soirée = Evening out
  Jour de marché = Market day
`);

const PLACES = pairs(`
  à Deauville = in Deauville
  au Cap Ferret = at Cap Ferret
  à Montmartre = in Montmartre
  en Provence = in Provence
  à Biarritz = in Biarritz
  sur les quais = on the quays
  à la campagne = in the countryside
  au bord du lac = by the lake
  à Saint-Malo = in Saint-Malo
  dans le Marais = in the Marais
  à Lyon = in Lyon
  en Bretagne = in Brittany
`);

const OUTFITS: readonly (readonly LookRole[])[] = [
  ['dress', 'shoes', 'accessory'],
  ['dress', 'outer', 'shoes', 'accessory'],
  ['top', 'bottom', 'shoes'],
  ['top', 'bottom', 'shoes', 'accessory'],
  ['top', 'bottom', 'outer', 'shoes'],
];

const ROLE_OF = new Map(FASHION_SUBCATEGORIES.map((sub) => [sub.slug, sub.role]));

/** The part of an outfit a subcategory is, or undefined outside fashion. */
export function roleOf(subcategory: string): LookRole | undefined {
  return ROLE_OF.get(subcategory);
}

/** Fashion products grouped by the part of an outfit they are. */
export function productsByRole(products: readonly Product[]): Map<LookRole, Product[]> {
  const byRole = new Map<LookRole, Product[]>();
  for (const product of products) {
    const role = ROLE_OF.get(subSlugOf(product));
    if (role === undefined) continue;
    const group = byRole.get(role);
    if (group) group.push(product);
    else byRole.set(role, [product]);
  }
  return byRole;
}

export function generateLooks(rng: Random, products: readonly Product[]): Look[] {
  const byRole = productsByRole(products);
  const fashionCount = [...byRole.values()].reduce((sum, group) => sum + group.length, 0);
  const outfits = OUTFITS.filter((outfit) => outfit.every((role) => byRole.has(role)));
  if (outfits.length === 0) return [];
  const count = Math.max(12, Math.round(fashionCount / 15));
  const looks: Look[] = [];
  for (let i = 0; i < count; i++) {
    const outfit = rng.pick(outfits);
    const theme = rng.pick(THEMES);
    const place = rng.pick(PLACES);
    looks.push({
      id: `look-${String(i + 1).padStart(4, '0')}`,
      name: { fr: `${theme.fr} ${place.fr}`, en: `${theme.en} ${place.en}` },
      productIds: outfit.map((role) => rng.pick(byRole.get(role) ?? []).id),
    });
  }
  return looks;
}
