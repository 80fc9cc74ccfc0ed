// The shelves each demo product sits on, broadest first, in French and English
// (Mode › Chaussures › Baskets). Kiosk search indexes these labels, so a shopper
// finds a kind of product by the word they would use: "chaussures", "vin", "shoes".
import type { Localized, Product } from '@vitrine/shared/core';
import type { Category, SubcategoryInfo } from './subcategory';
import { FASHION_SUBCATEGORIES, type LookRole } from './words-fashion';
import { pair } from './words-fr-en';
import { WINE_SUBCATEGORIES } from './words-wine';

const CATEGORY_LABELS: Record<Category, Localized> = {
  fashion: pair('Mode = Fashion'),
  food: pair('Épicerie = Grocery'),
  electronics: pair('High-tech = Electronics'),
};

const CLOTHING = pair('Vêtements = Clothing');
const FASHION_FAMILIES: Record<LookRole, readonly Localized[]> = {
  top: [CLOTHING, pair('Hauts = Tops')],
  bottom: [CLOTHING, pair('Bas = Bottoms')],
  dress: [CLOTHING],
  outer: [CLOTHING, pair('Manteaux et vestes = Outerwear')],
  shoes: [pair('Chaussures = Shoes')],
  accessory: [pair('Accessoires = Accessories')],
};
const WINES = pair('Vins = Wines');
const ELECTRONICS_FAMILIES: Record<string, readonly Localized[]> = {
  headphones: [pair('Audio = Audio')],
  earbuds: [pair('Audio = Audio')],
  speaker: [pair('Audio = Audio')],
  charger: [pair('Accessoires = Accessories')],
  cable: [pair('Accessoires = Accessories')],
  case: [pair('Accessoires = Accessories')],
  powerbank: [pair('Accessoires = Accessories')],
};

const fashionRoles = new Map(FASHION_SUBCATEGORIES.map((sub) => [sub.slug, sub.role]));
const wineSlugs = new Set(WINE_SUBCATEGORIES.map((sub) => sub.slug));

function familiesOf(sub: SubcategoryInfo): readonly Localized[] {
  const role = fashionRoles.get(sub.slug);
  if (role) return FASHION_FAMILIES[role];
  if (wineSlugs.has(sub.slug)) return [WINES];
  return ELECTRONICS_FAMILIES[sub.slug] ?? [];
}

export function categoryPathOf(sub: SubcategoryInfo): NonNullable<Product['categoryPath']> {
  return [CATEGORY_LABELS[sub.category], ...familiesOf(sub), sub.label];
}
