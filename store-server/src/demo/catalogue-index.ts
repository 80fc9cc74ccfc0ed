// Lookups over generated products, used when linking them to each other.
import type { Product } from '@vitrine/shared/core';
import { subSlugOf } from './subcategories';

/** Products grouped by subcategory slug, in catalogue order. */
export function groupBySubcategory(products: readonly Product[]): Map<string, Product[]> {
  const groups = new Map<string, Product[]>();
  for (const product of products) {
    const slug = subSlugOf(product);
    const group = groups.get(slug);
    if (group) group.push(product);
    else groups.set(slug, [product]);
  }
  return groups;
}
