// One form for every word we index or look for: lower case, no accents, no
// ligatures — so "creme brulee" finds "Crème brûlée" and "oeuf" finds "Œuf".
const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss' };

export function foldText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[œæß]/g, (char) => LIGATURES[char] ?? char);
}

/**
 * Singular and plural as one word, in French and English alike: "vins" = "vin",
 * "chaussures" = "chaussure", "dresses" = "dress", "manteaux" = "manteau".
 * A minimal S-stemmer (as Lucene's "minimal" stemmers): it only folds plural
 * endings, so words typed halfway still find their prefix. Applied to indexed
 * words and typed words alike, a rare wrong fold ("gris") still matches itself.
 */
export function foldPlural(word: string): string {
  if (word.length < 4) return word;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word;
  if (word.endsWith('s')) return word.slice(0, -1);
  if (/(eau|eu|ou)x$/.test(word)) return word.slice(0, -1);
  return word;
}
