import { describe, expect, it } from 'vitest';
import type { Product } from '../../core';
import { makeI18n } from '../i18n/i18n';
import { keyFactsText } from './speak';

const cheese: Product = {
  id: 'cheese-1',
  gtin: '03760000000017',
  name: { fr: 'Comté AOP, 250 g', en: 'Comté PDO, 250 g' },
  brand: 'Fromagerie des Aravis',
  department: 'food',
  categoryPath: [{ fr: 'Fromages', en: 'Cheese' }],
  description: { fr: '', en: '' },
  priceCents: 690,
  images: [],
  tags: [],
  variants: [],
  complementary: [],
  attributes: [],
  food: {
    composition: { fr: 'Lait cru de vache, sel', en: 'Raw cow’s milk, salt' },
    origin: 'Jura, France',
    allergens: ['en:milk', 'en:sulphur-dioxide-and-sulphites'],
    nutritionPer100g: {
      energyKcal: 400,
      fat: 30,
      saturatedFat: 20,
      carbohydrates: 1,
      sugars: 0,
      protein: 28,
      salt: 1.5,
    },
    pairings: [],
  },
};

describe('key facts read aloud', () => {
  it('names the allergens in the session’s language', () => {
    expect(keyFactsText(cheese, makeI18n('fr'), 3)).toContain('Allergènes\u202f: lait, sulfites');
    expect(keyFactsText(cheese, makeI18n('en'), 3)).toContain('Allergens: milk, sulphites');
  });

  it('says nothing of allergens for a product that declares none', () => {
    const plain = { ...cheese, food: { ...cheese.food!, allergens: [] } };
    expect(keyFactsText(plain, makeI18n('en'), 0)).not.toContain('Allergens');
  });

  it('says no brand for a product that has none (a feed may leave it empty)', () => {
    const unbranded = { ...cheese, brand: '', food: undefined };
    expect(keyFactsText(unbranded, makeI18n('fr'), 0)).toBe(
      'Comté AOP, 250 g. Prix 6,90\u00a0€. Pas en stock ici',
    );
  });
});
