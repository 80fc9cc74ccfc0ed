// Allergens as the shopper reads them: tags translated, or made readable.
import { readAllergenTag, type AllergenCode } from '../../core';
import type { Messages } from '../i18n/messages';

export type AllergenName = { code: AllergenCode | undefined; name: string };

/** Each tag once, in the screen's language; an unknown tag as readable words. */
export function allergenNames(tags: readonly string[], t: Messages): AllergenName[] {
  const seen = new Set<string>();
  const names: AllergenName[] = [];
  for (const tag of tags) {
    const read = readAllergenTag(tag);
    const name = read.code ? t.allergenNames[read.code] : read.label;
    if (!name || seen.has(name)) continue;
    seen.add(name);
    names.push({ code: read.code, name });
  }
  return names;
}
