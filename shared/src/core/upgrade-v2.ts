// Catalogue v2 → v3: the fixed category becomes a free taxonomy (a department
// and a path of at least one level), the fashion / electronics sub-objects
// become generic attributes, a size system and a 3D model, and the product's
// own currency goes (the store's settings hold it). Pure, for migration 105
// and its tests. Only the demo generator wrote v2 products, so wine, which
// had its own experts as a subcategory of food, becomes its own department.
import { Product, type Localized } from './catalogue';
import { ProductV2 } from './catalogue-v2';
import { slugOf, type Attribute } from './product-facts';

const WINE = /^(wine|champagne)/;
const Kept = ProductV2.omit({
  category: true,
  subcategory: true,
  categoryPath: true,
  currency: true,
  fashion: true,
  electronics: true,
});
const ROOTS: Record<string, Localized> = {
  fashion: { fr: 'Mode', en: 'Fashion' },
  food: { fr: 'Épicerie', en: 'Grocery' },
  wine: { fr: 'Vins', en: 'Wines' },
  electronics: { fr: 'High-tech', en: 'Electronics' },
};

function pathOf(v2: ProductV2, department: string): Localized[] {
  const root = ROOTS[department]!;
  const path = v2.categoryPath ?? [];
  // A v2 wine's path starts at the grocery shelf; its department's root is the wine shelf.
  const below = department === 'wine' ? path.slice(1) : path;
  if (below.length > 0)
    return department === 'wine' && below[0]?.en !== root.en ? [root, ...below] : below;
  return v2.subcategory ? [root, { fr: v2.subcategory, en: v2.subcategory }] : [root];
}

function attributesOf(specs: Record<string, string>): Attribute[] {
  const seen = new Set<string>();
  const rows: Attribute[] = [];
  for (const [name, value] of Object.entries(specs)) {
    const key = slugOf(name);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    rows.push({ key, value, ...(key === name ? {} : { label: { fr: name, en: name } }) });
  }
  return rows;
}

/**
 * A v2 product in the v3 shape; a product already in it comes back as it is.
 * Throws (a zod error) on a document that is neither.
 */
export function upgradeProductV2(body: unknown): Product {
  const current = Product.safeParse(body);
  if (current.success) return current.data;
  const v2 = ProductV2.parse(body);
  // What v3 keeps as it was (zod leaves out the keys the picked shape lacks).
  const rest = Kept.parse(body);
  const { category, subcategory, fashion, electronics } = v2;
  const department = category === 'food' && WINE.test(subcategory) ? 'wine' : category;
  const sizeSystem = fashion?.sizeChart ? slugOf(fashion.sizeChart) : '';
  return Product.parse({
    ...rest,
    department,
    categoryPath: pathOf(v2, department),
    attributes: attributesOf(electronics?.specs ?? {}),
    ...(sizeSystem ? { sizeSystem } : {}),
    ...(electronics?.model3d ? { model3d: electronics.model3d } : {}),
  });
}
