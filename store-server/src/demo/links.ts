// Links products to each other once they all exist: wine ↔ cheese pairings,
// device → accessories, garment → the rest of its look.
import type { Look, Product } from '@vitrine/shared/core';
import { groupBySubcategory } from './catalogue-index';
import { subSlugOf } from './subcategories';
import { productsByRole, roleOf } from './looks';
import type { Random } from './random';
import { ELECTRONICS_SUBCATEGORIES } from './words-electronics';
import type { LookRole } from './words-fashion';
import { FOOD_SUBCATEGORIES } from './words-food';
import { WINE_SUBCATEGORIES } from './words-wine';

const PAIRS_WITH = new Map(
  [...FOOD_SUBCATEGORIES, ...WINE_SUBCATEGORIES].map((sub) => [sub.slug, sub.pairsWith]),
);
const ACCESSORIES = new Map(ELECTRONICS_SUBCATEGORIES.map((sub) => [sub.slug, sub.accessories]));

/** What goes with a garment when it is in no look. */
const ROLE_COMPLEMENTS: Readonly<Record<LookRole, readonly LookRole[]>> = {
  top: ['bottom', 'shoes'],
  bottom: ['top', 'shoes'],
  dress: ['shoes', 'accessory', 'outer'],
  outer: ['top', 'bottom'],
  shoes: ['bottom', 'accessory'],
  accessory: ['dress', 'outer'],
};

/** Up to `count` ids drawn from the given subcategories, never the product itself. */
function drawFrom(
  rng: Random,
  groups: readonly (readonly Product[] | undefined)[],
  count: number,
  self: string,
): string[] {
  const present = groups.filter((group): group is readonly Product[] => !!group?.length);
  if (present.length === 0) return [];
  const ids = new Set<string>();
  for (let attempt = 0; attempt < count * 2 && ids.size < count; attempt++) {
    const id = rng.pick(rng.pick(present)).id;
    if (id !== self) ids.add(id);
  }
  return [...ids];
}

export function linkProducts(
  rng: Random,
  products: readonly Product[],
  looks: readonly Look[],
): void {
  const bySub = groupBySubcategory(products);
  const byRole = productsByRole(products);
  const lookOf = new Map<string, Look>();
  for (const look of looks)
    for (const id of look.productIds) if (!lookOf.has(id)) lookOf.set(id, look);

  for (const product of products) {
    if (product.food) {
      const slugs = PAIRS_WITH.get(subSlugOf(product)) ?? [];
      product.food.pairings = drawFrom(
        rng,
        slugs.map((s) => bySub.get(s)),
        rng.int(2, 4),
        product.id,
      );
    } else if (product.department === 'electronics') {
      const slugs = ACCESSORIES.get(subSlugOf(product)) ?? [];
      product.complementary = drawFrom(
        rng,
        slugs.map((s) => bySub.get(s)),
        Math.min(4, slugs.length + 1),
        product.id,
      );
    } else if (product.department === 'fashion') {
      const look = lookOf.get(product.id);
      if (look) {
        product.complementary = look.productIds.filter((id) => id !== product.id);
      } else {
        const role = roleOf(subSlugOf(product));
        const roles = role ? ROLE_COMPLEMENTS[role] : [];
        product.complementary = drawFrom(
          rng,
          roles.map((r) => byRole.get(r)),
          2,
          product.id,
        );
      }
    }
  }
}
