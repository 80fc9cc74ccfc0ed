// Every subcategory of the demo catalogue, whatever builds its products.
import type { Product } from '@vitrine/shared/core';
import type { SubcategoryInfo } from './subcategory';
import { ELECTRONICS_SUBCATEGORIES } from './words-electronics';
import { FASHION_SUBCATEGORIES } from './words-fashion';
import { FOOD_SUBCATEGORIES } from './words-food';
import { WINE_SUBCATEGORIES } from './words-wine';

export const ALL_SUBCATEGORIES: readonly SubcategoryInfo[] = [
  ...FASHION_SUBCATEGORIES,
  ...WINE_SUBCATEGORIES,
  ...FOOD_SUBCATEGORIES,
  ...ELECTRONICS_SUBCATEGORIES,
];

const bySlug = new Map(ALL_SUBCATEGORIES.map((sub) => [sub.slug, sub]));

export function subcategoryOf(slug: string): SubcategoryInfo | undefined {
  return bySlug.get(slug);
}

/** Product ids are `<subcategory slug>-<6-digit number>`; this reads the slug back. */
export function subcategoryOfProductId(productId: string): SubcategoryInfo | undefined {
  const match = /^(.+)-\d+$/.exec(productId);
  return match?.[1] === undefined ? undefined : bySlug.get(match[1]);
}

/** A demo product's subcategory slug, read from its id ('' for a product the demo did not make). */
export function subSlugOf(product: Pick<Product, 'id'>): string {
  return subcategoryOfProductId(product.id)?.slug ?? '';
}
