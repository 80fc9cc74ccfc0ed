// Two result tiles must never look the same. A product's sizes and colours are
// its variants, on its one tile; but two products can share a name (and even a
// brand): for those, the tile adds what differs between them.
import type { SearchHit } from '../../client/search';
import type { Lang } from '../i18n/messages';

export type TellApart = { sizeRange?: string; colours?: string[] };

const sameName = (hit: SearchHit, lang: Lang) =>
  (lang === 'fr' ? hit.nameFr : hit.nameEn).trim().toLocaleLowerCase(lang);

/** For each hit whose name another hit shares: the sizes and colours that differ. */
export function tellApart(hits: readonly SearchHit[], lang: Lang): Map<string, TellApart> {
  const byName = new Map<string, SearchHit[]>();
  for (const hit of hits) {
    const key = sameName(hit, lang);
    byName.set(key, [...(byName.get(key) ?? []), hit]);
  }
  const details = new Map<string, TellApart>();
  for (const group of byName.values()) {
    if (group.length < 2) continue;
    const differ = (hits: readonly SearchHit[], of: (hit: SearchHit) => string | undefined) =>
      new Set(hits.map(of)).size > 1;
    const sizesOf = (hit: SearchHit) => hit.sizeRange;
    const coloursOf = (hit: SearchHit) => hit.colours?.join('|');
    // Sizes first (short); colours only where the sizes still leave two alike.
    const sizes = differ(group, sizesOf);
    for (const hit of group) {
      const alike = group.filter((other) => !sizes || sizesOf(other) === sizesOf(hit));
      const colours = alike.length > 1 && differ(alike, coloursOf);
      const detail: TellApart = {
        ...(sizes && hit.sizeRange ? { sizeRange: hit.sizeRange } : {}),
        ...(colours && hit.colours ? { colours: hit.colours } : {}),
      };
      if (detail.sizeRange || detail.colours) details.set(hit.id, detail);
    }
  }
  return details;
}
