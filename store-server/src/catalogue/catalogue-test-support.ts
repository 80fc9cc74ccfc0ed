// For migration tests: today's demo products written back in the shapes older
// servers stored (v2: a fixed category with fashion / electronics sub-objects
// and a currency; v1: v2 without variant ids), so a test can open an old store
// on real SQLite.
import type { Product } from '@vitrine/shared/core';
import { subSlugOf } from '../demo/subcategories';

/** A v3 demo product as a v2 server stored it (wine under food, as then). */
export function asV2Product(product: Product) {
  const { department, attributes, sizeSystem, model3d, ...rest } = product;
  const sizes = [...new Set(product.variants.flatMap((v) => (v.size ? [v.size] : [])))];
  const colours = [...new Set(product.variants.flatMap((v) => (v.colour ? [v.colour] : [])))];
  const specs = Object.fromEntries(attributes.map((a) => [a.key, a.value]));
  const wine = department === 'wine';
  return {
    ...rest,
    category: wine ? 'food' : department,
    subcategory: subSlugOf(product),
    // v2 wines sat under the grocery shelf.
    categoryPath: wine
      ? [{ fr: 'Épicerie', en: 'Grocery' }, ...rest.categoryPath]
      : rest.categoryPath,
    currency: 'EUR',
    ...(department === 'fashion' ? { fashion: { sizes, colours, sizeChart: sizeSystem } } : {}),
    ...(department === 'electronics'
      ? { electronics: model3d ? { specs, model3d } : { specs } }
      : {}),
  };
}

/** A v3 demo product as v1 wrote it: variants without ids, none for a product sold as one item. */
export function asV1Product(product: Product) {
  const [only] = product.variants;
  const soldAsOne =
    product.variants.length === 1 && !only?.size && !only?.colour && only?.gtin === product.gtin;
  return {
    ...asV2Product(product),
    variants: soldAsOne ? [] : product.variants.map(({ id: _id, ...variant }) => variant),
  };
}
