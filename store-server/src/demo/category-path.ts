// The shelves each demo product sits on, broadest first, in French and English
// (Mode › Chaussures › Baskets), and its department, the root's slug. Kiosk
// search indexes these labels, so a shopper finds a kind of product by the
// word they would use: "chaussures", "vin", "shoes". Wine is a department of
// its own (its own experts and perks), not a shelf of the grocery.
import type { Localized, Product, SkillsByDepartment } from '@vitrine/shared/core';
import type { Category, SubcategoryInfo } from './subcategory';
import { FASHION_SUBCATEGORIES, type LookRole } from './words-fashion';
import { pair } from './words-fr-en';
import { WINE_SUBCATEGORIES } from './words-wine';

type Department = Category | 'wine';

const DEPARTMENT_LABELS: Record<Department, Localized> = {
  fashion: pair('Mode = Fashion'),
  food: pair('Épicerie = Grocery'),
  wine: pair('Vins = Wines'),
  electronics: pair('High-tech = Electronics'),
};

/** Who helps with each demo department (the demo store's settings). */
export const DEMO_SKILLS: SkillsByDepartment = {
  fashion: 'style',
  food: 'nutrition',
  wine: 'wine',
  electronics: 'tech',
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
  return ELECTRONICS_FAMILIES[sub.slug] ?? [];
}

function departmentOf(sub: SubcategoryInfo): Department {
  return wineSlugs.has(sub.slug) ? 'wine' : sub.category;
}

/** The product's department and shelves, as its builder spreads them in. */
export function shelvesOf(sub: SubcategoryInfo): Pick<Product, 'department' | 'categoryPath'> {
  const department = departmentOf(sub);
  return {
    department,
    categoryPath: [DEPARTMENT_LABELS[department], ...familiesOf(sub), sub.label],
  };
}
