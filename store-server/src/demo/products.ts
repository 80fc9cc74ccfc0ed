// Builds the catalogue: for each of `scale` products, a category by share,
// then a subcategory by weight, then the category's builder.
import type { Product } from '@vitrine/shared/core';
import { GtinAllocator } from './gtin-allocator';
import type { ProductSeed } from './product-seed';
import { makeElectronicsProduct } from './products-electronics';
import { makeFashionProduct } from './products-fashion';
import { makeFoodProduct } from './products-food';
import { makeWineProduct } from './products-wine';
import { must, type Random } from './random';
import type { Category, SubcategoryInfo } from './subcategory';
import { ELECTRONICS_SUBCATEGORIES } from './words-electronics';
import { FASHION_SUBCATEGORIES } from './words-fashion';
import { FOOD_SUBCATEGORIES } from './words-food';
import { WINE_SUBCATEGORIES } from './words-wine';

interface Builder {
  info: SubcategoryInfo;
  make(seed: ProductSeed): Product;
}

const BUILDERS: readonly Builder[] = [
  ...FASHION_SUBCATEGORIES.map((sub) => ({
    info: sub,
    make: (seed: ProductSeed) => makeFashionProduct(seed, sub),
  })),
  ...WINE_SUBCATEGORIES.map((sub) => ({
    info: sub,
    make: (seed: ProductSeed) => makeWineProduct(seed, sub),
  })),
  ...FOOD_SUBCATEGORIES.map((sub) => ({
    info: sub,
    make: (seed: ProductSeed) => makeFoodProduct(seed, sub),
  })),
  ...ELECTRONICS_SUBCATEGORIES.map((sub) => ({
    info: sub,
    make: (seed: ProductSeed) => makeElectronicsProduct(seed, sub),
  })),
];

const CATEGORY_SHARES: readonly (readonly [Category, number])[] = [
  ['fashion', 0.4],
  ['food', 0.35],
  ['electronics', 0.25],
];

const BUILDERS_BY_CATEGORY = new Map(
  CATEGORY_SHARES.map(([category]) => [
    category,
    BUILDERS.filter((b) => b.info.category === category),
  ]),
);

export function generateProducts(rng: Random, scale: number, now: Date): Product[] {
  const gtins = new GtinAllocator();
  const digits = Math.max(6, String(scale).length);
  const products: Product[] = [];
  for (let i = 0; i < scale; i++) {
    const [category] = rng.weighted(CATEGORY_SHARES, ([, share]) => share);
    const builder = rng.weighted(must(BUILDERS_BY_CATEGORY.get(category)), (b) => b.info.weight);
    const id = `${builder.info.slug}-${String(i + 1).padStart(digits, '0')}`;
    const product = builder.make({ id, rng, gtins, now });
    products.push(product);
  }
  return products;
}
