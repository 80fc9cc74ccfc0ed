// The words of an ingredient list that reveal each of the fourteen allergens,
// in French and English, so a screen can set them in bold as EU labels do
// (Regulation (EU) No 1169/2011, art. 21). Typed by code: a missing allergen
// is a compile error.
import type { AllergenCode } from './allergens';

type Lang = 'fr' | 'en';

/**
 * Regular-expression sources (case-insensitive, whole words) for the words of
 * an ingredient list that contain each allergen. Lookarounds keep out the
 * false friends: cocoa butter is not milk, brown butter (beurre noisette) is
 * not a nut, coconut is not a tree nut.
 */
const ALLERGEN_INGREDIENT_WORDS: Record<Lang, Record<AllergenCode, string>> = {
  fr: {
    gluten: 'gluten|blé|farines?|seigle|orge|avoine|épeautre|kamut',
    crustaceans: 'crustacés?|crevettes?|homards?|crabes?|langoustines?',
    eggs: '[œo]e?ufs?',
    fish: 'poissons?|anchois|saumon|thon|cabillaud',
    peanuts: 'arachides?|cacahuètes?',
    soybeans: 'soja',
    milk: 'lait|lactose|lactosérum|babeurre|beurre(?! de cacao)|crème(?! de marrons)|fromages?',
    nuts: 'fruits à coque|amandes?|(?<!beurre )noisettes?|noix(?! de coco)|pistaches?|cajou',
    celery: 'céleri',
    mustard: 'moutarde',
    'sesame-seeds': 'sésame',
    'sulphur-dioxide-and-sulphites': 'sulfites?|anhydride sulfureux|dioxyde de soufre',
    lupin: 'lupin',
    molluscs: 'mollusques?|moules?|huîtres?|calamars?|poulpe',
  },
  en: {
    gluten: 'gluten|wheat|rye|barley|oats?|spelt|kamut|flour',
    crustaceans: 'crustaceans?|prawns?|shrimps?|crabs?|lobsters?',
    eggs: 'eggs?',
    fish: 'fish|anchov(?:y|ies)|salmon|tuna|cod',
    peanuts: 'peanuts?|groundnuts?',
    soybeans: 'soya?|soybeans?',
    milk: 'milk|lactose|whey|buttermilk|(?<!cocoa )butter|cream|cheese',
    nuts: 'tree nuts|nuts|almonds?|hazelnuts?|walnuts?|cashews?|pecans?|pistachios?',
    celery: 'celery|celeriac',
    mustard: 'mustard',
    'sesame-seeds': 'sesame',
    'sulphur-dioxide-and-sulphites': 'sulphites?|sulfites?|sulphur dioxide',
    lupin: 'lupin|lupine',
    molluscs: 'molluscs?|mussels?|oysters?|squid|octopus',
  },
};

export type TextPart = { text: string; allergen?: AllergenCode };

/** Splits an ingredient list into plain text and the words revealing one of `codes`. */
export function markAllergenWords(
  text: string,
  codes: readonly AllergenCode[],
  lang: Lang,
): TextPart[] {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return [{ text }];
  const words = ALLERGEN_INGREDIENT_WORDS[lang];
  // One group per allergen: the group that matched says which one it is.
  const pattern = new RegExp(
    `(?<!\\p{L})(?:${unique.map((code) => `(${words[code]})`).join('|')})(?!\\p{L})`,
    'giu',
  );
  const parts: TextPart[] = [];
  let from = 0;
  for (const match of text.matchAll(pattern)) {
    const at = match.index;
    if (at > from) parts.push({ text: text.slice(from, at) });
    const group = match.slice(1).findIndex((value) => value !== undefined);
    parts.push({ text: match[0], allergen: unique[group] });
    from = at + match[0].length;
  }
  if (from < text.length) parts.push({ text: text.slice(from) });
  return parts;
}
