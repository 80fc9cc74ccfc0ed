// What every subcategory declares, whatever its category: enough to plan the
// catalogue mix and to draw a product card for it.
import type { Localized } from '@vitrine/shared/core';

/** The generator's three kinds of products (a builder each); wine is food here, its own department in the data. */
export type Category = 'fashion' | 'food' | 'electronics';

/** The simple drawing on a product card (see product-image-shapes.ts). */
export type ShapeName =
  | 'top'
  | 'dress'
  | 'trousers'
  | 'skirt'
  | 'outerwear'
  | 'shoe'
  | 'bag'
  | 'scarf'
  | 'belt'
  | 'bottle'
  | 'wedge'
  | 'sausage'
  | 'bar'
  | 'biscuit'
  | 'jar'
  | 'cup'
  | 'headphones'
  | 'earbuds'
  | 'speaker'
  | 'phone'
  | 'watch'
  | 'laptop'
  | 'screen'
  | 'camera'
  | 'plug'
  | 'battery';

export interface SubcategoryInfo {
  /** Unique across categories; also the start of each product id (`dress-000042`). */
  slug: string;
  category: Category;
  label: Localized;
  /** Relative share of the category's products. */
  weight: number;
  shape: ShapeName;
}
