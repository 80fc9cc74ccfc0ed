// The fourteen EU allergens' names in each language, as a shopper reads them.
// Typed by code: a missing allergen is a compile error. messages.ts exposes
// them as `t.allergenNames`; core/allergen-words.ts finds them in ingredients.
import type { AllergenCode } from '../../core';
import type { Lang } from '../../core/i18n';

export const ALLERGEN_NAMES: Record<Lang, Record<AllergenCode, string>> = {
  fr: {
    gluten: 'gluten',
    crustaceans: 'crustacés',
    eggs: 'œufs',
    fish: 'poisson',
    peanuts: 'arachides',
    soybeans: 'soja',
    milk: 'lait',
    nuts: 'fruits à coque',
    celery: 'céleri',
    mustard: 'moutarde',
    'sesame-seeds': 'sésame',
    'sulphur-dioxide-and-sulphites': 'sulfites',
    lupin: 'lupin',
    molluscs: 'mollusques',
  },
  en: {
    gluten: 'gluten',
    crustaceans: 'crustaceans',
    eggs: 'eggs',
    fish: 'fish',
    peanuts: 'peanuts',
    soybeans: 'soya',
    milk: 'milk',
    nuts: 'tree nuts',
    celery: 'celery',
    mustard: 'mustard',
    'sesame-seeds': 'sesame',
    'sulphur-dioxide-and-sulphites': 'sulphites',
    lupin: 'lupin',
    molluscs: 'molluscs',
  },
};
