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
