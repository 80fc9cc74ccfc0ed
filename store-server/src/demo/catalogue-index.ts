// Lookups over generated products, used when linking them to each other.
import type { Product } from '@vitrine/shared/core';

/** Products grouped by subcategory slug, in catalogue order. */
export function groupBySubcategory(products: readonly Product[]): Map<string, Product[]> {
  const groups = new Map<string, Product[]>();
  for (const product of products) {
    const group = groups.get(product.subcategory);
    if (group) group.push(product);
    else groups.set(product.subcategory, [product]);
  }
  return groups;
}
