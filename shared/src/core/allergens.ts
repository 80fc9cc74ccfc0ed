// The EU's fourteen allergens (Regulation (EU) No 1169/2011, annex II) as typed
// codes. Product data names them by tag: Open Food Facts writes `en:milk`,
// `en:sulphur-dioxide-and-sulphites`…; older feeds write bare keys (`milk`,
// `sulphites`). Screens translate a code; a tag outside the fourteen is shown
// readably, never as a raw tag.

/** Open Food Facts' canonical names (without the `en:` prefix). */
export const ALLERGEN_CODES = [
  'gluten',
  'crustaceans',
  'eggs',
  'fish',
  'peanuts',
  'soybeans',
  'milk',
  'nuts',
  'celery',
  'mustard',
  'sesame-seeds',
  'sulphur-dioxide-and-sulphites',
  'lupin',
  'molluscs',
] as const;
export type AllergenCode = (typeof ALLERGEN_CODES)[number];

const KNOWN = new Set<string>(ALLERGEN_CODES);

/** Other spellings feeds use for the same allergen. */
const ALIASES: Readonly<Record<string, AllergenCode>> = {
  soy: 'soybeans',
  soya: 'soybeans',
  sulphites: 'sulphur-dioxide-and-sulphites',
  sulfites: 'sulphur-dioxide-and-sulphites',
  'sulphur-dioxide': 'sulphur-dioxide-and-sulphites',
  sesame: 'sesame-seeds',
  'tree-nuts': 'nuts',
  egg: 'eggs',
  peanut: 'peanuts',
  crustacean: 'crustaceans',
  mollusc: 'molluscs',
  lupine: 'lupin',
};

export type AllergenTag = { code: AllergenCode } | { code: undefined; label: string };

/** Reads one tag: a known allergen's code, or a readable label ("fr:moutarde-de-dijon" → "moutarde de dijon"). */
export function readAllergenTag(tag: string): AllergenTag {
  const bare = tag
    .trim()
    .toLowerCase()
    .replace(/^[a-z]{2}:/, '');
  const key = bare.replace(/[\s_]+/g, '-');
  if (KNOWN.has(key)) return { code: key as AllergenCode };
  const alias = ALIASES[key];
  if (alias) return { code: alias };
  return { code: undefined, label: bare.replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim() };
}

/** The tag a feed in Open Food Facts' style carries for a code. */
export function allergenTag(code: AllergenCode): string {
  return `en:${code}`;
}
