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
    const differ = (of: (hit: SearchHit) => string | undefined) => new Set(group.map(of)).size > 1;
    const sizes = differ((hit) => hit.sizeRange);
    const colours = differ((hit) => hit.colours?.join('|'));
    for (const hit of group) {
      const detail: TellApart = {
        ...(sizes && hit.sizeRange ? { sizeRange: hit.sizeRange } : {}),
        ...(colours && hit.colours ? { colours: hit.colours } : {}),
      };
      if (detail.sizeRange || detail.colours) details.set(hit.id, detail);
    }
  }
  return details;
}
