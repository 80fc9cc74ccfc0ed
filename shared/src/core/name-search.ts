// Searching by name the way people type: any word order, any case, with or
// without accents ("mercier julie" finds "Julie Mercier", "ete" finds "été").
// Every word must appear somewhere in the name.

/** Lower case, accents and typographic apostrophes folded. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[’‘`]/g, "'")
    .toLowerCase();
}

/** The distinct words of a query, folded (at most 8, the longest first). */
export function searchWords(query: string): string[] {
  const words = foldText(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
  return [...new Set(words)].sort((a, b) => b.length - a.length).slice(0, 8);
}

/** True when every word of the query appears in one of the texts. */
export function matchesName(query: string, ...texts: string[]): boolean {
  const haystack = foldText(texts.join(' '));
  const words = searchWords(query);
  return words.length > 0 && words.every((word) => haystack.includes(word));
}
