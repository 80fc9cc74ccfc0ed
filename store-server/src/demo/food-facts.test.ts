// The demo's food facts are data a screen can translate and trust: allergens
// as known Open Food Facts tags, each one visible in the ingredients in both
// languages, origins in both languages, French typography in French.
import {
  allergenTag,
  markAllergenWords,
  readAllergenTag,
  type AllergenCode,
  type Product,
} from '@vitrine/shared/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { subSlugOf } from './subcategories';
import { generateDemoStore } from './index';
import { FOOD_SUBCATEGORIES } from './words-food';

let foods: Product[];

beforeAll(() => {
  const store = generateDemoStore({ scale: 600, now: new Date('2025-06-15T10:00:00Z') });
  foods = store.products.filter((p) => p.food);
});

const codeOf = (tag: string): AllergenCode | undefined => readAllergenTag(tag).code;

/** The declared allergens no word of the text reveals. */
function unrevealed(text: string, tags: readonly string[], lang: 'fr' | 'en'): string[] {
  return tags.filter((tag) => {
    const code = codeOf(tag);
    return !code || !markAllergenWords(text, [code], lang).some((part) => part.allergen);
  });
}

describe('demo food facts', () => {
  it('declares only the fourteen allergens, as Open Food Facts tags', () => {
    for (const product of foods) {
      const food = product.food!;
      for (const tag of [...food.allergens!, ...(food.traces ?? [])]) {
        const code = codeOf(tag);
        expect(code, `${product.id}: ${tag}`).toBeDefined();
        expect(tag).toBe(allergenTag(code!));
      }
      for (const trace of food.traces ?? []) expect(food.allergens).not.toContain(trace);
    }
    expect(foods.some((p) => (p.food?.traces?.length ?? 0) > 0)).toBe(true);
  });

  it('names every declared allergen in the ingredients, in French and in English', () => {
    for (const sub of FOOD_SUBCATEGORIES)
      for (const item of sub.items) {
        expect(unrevealed(item.composition.fr, item.allergens, 'fr'), item.name.fr).toEqual([]);
        expect(unrevealed(item.composition.en, item.allergens, 'en'), item.name.en).toEqual([]);
      }
    for (const product of foods) {
      const food = product.food!;
      expect(unrevealed(food.composition!.fr, food.allergens!, 'fr'), product.id).toEqual([]);
      expect(unrevealed(food.composition!.en, food.allergens!, 'en'), product.id).toEqual([]);
    }
  });

  it('gives the origin in both languages, and drinks their nutrition per 100 ml', () => {
    for (const product of foods) {
      expect(product.food!.originLabel?.fr).toBe(product.food!.origin);
      expect(product.food!.originLabel?.en.length).toBeGreaterThan(2);
    }
    expect(foods.some((p) => p.food!.originLabel!.fr !== p.food!.originLabel!.en)).toBe(true);
    const drinks = foods.filter((p) => /^(wine-|champagne|coffee|tea)/.test(subSlugOf(p)));
    expect(drinks.length).toBeGreaterThan(0);
    for (const drink of drinks) expect(drink.food!.nutritionBasis).toBe('100ml');
  });

  it('gives every wine three dishes it goes with, in both languages', () => {
    const wines = foods.filter((p) => /^(wine-|champagne)/.test(subSlugOf(p)));
    expect(wines.length).toBeGreaterThan(0);
    for (const wine of wines) {
      const dishes = wine.food!.dishes ?? [];
      expect(dishes).toHaveLength(3);
      expect(new Set(dishes.map((d) => d.fr)).size).toBe(3);
      for (const dish of dishes) expect(dish.fr && dish.en).toBeTruthy();
    }
  });

  it('writes French typography in French and none in English', () => {
    for (const product of foods) {
      const food = product.food!;
      const fr = [product.name.fr, product.description.fr, food.composition!.fr];
      const en = [product.name.en, product.description.en, food.composition!.en];
      for (const text of [...fr, food.originLabel!.fr]) expect(text).not.toMatch(/ [:;!?%]/);
      for (const text of [...en, food.originLabel!.en]) expect(text).not.toMatch(/\s[:;!?%]/);
    }
  });
});
