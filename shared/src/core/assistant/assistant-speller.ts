// Spelling put right before a question is read: a word the knowledge base
// does not know ("toliets", "garentie", "retouhce", "cadau") becomes the
// known word one edit away (two for long words), a swap of two letters
// counting as one edit, as it does on a keyboard. It works on whole words,
// before stemming, so short words and swapped letters are found too, which
// the index's own typo tolerance (on stems, Levenshtein) misses. The
// vocabulary is the knowledge base's own: a word is only ever put right
// toward what the store can answer about.
import { foldAccents, wordsOf } from './assistant-text';

/** Words shorter than this are left as typed: too many others are one edit away. */
const MIN_LENGTH = 5;

/** One edit for a word of 4 to 7 letters, two from 8. */
function editsAllowed(word: string): number {
  return word.length >= 8 ? 2 : 1;
}

/** Edit distance where swapping two neighbouring letters is one edit (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  // Three rows kept: the one before last is what a swap looks back to.
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, before[j - 2]! + 1);
      current.push(best);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

export interface Spelled {
  /** The question with its unknown words put right. */
  text: string;
  /** The terms that came from a correction (they count as a typo when covered). */
  corrected: Set<string>;
}

export class Speller {
  /** Known words (lower case, accents folded) → how often the knowledge base uses them. */
  private readonly counts = new Map<string, number>();
  /** The same words by length, so a word is only compared with those of a length within reach. */
  private readonly byLength = new Map<number, [string, number][]>();
  private readonly knownTerms = new Set<string>();

  constructor(
    texts: readonly string[],
    private readonly termOf: (word: string) => string | null,
  ) {
    for (const text of texts)
      for (const word of wordsOf(text)) {
        const folded = foldAccents(word);
        if (folded.length < MIN_LENGTH || /\d/.test(folded)) continue;
        const term = termOf(word);
        if (!term) continue;
        this.knownTerms.add(term);
        this.counts.set(folded, (this.counts.get(folded) ?? 0) + 1);
      }
    for (const [word, count] of this.counts) {
      const same = this.byLength.get(word.length) ?? [];
      same.push([word, count]);
      this.byLength.set(word.length, same);
    }
  }

  correct(question: string): Spelled {
    const corrected = new Set<string>();
    const words = wordsOf(question).map((word) => {
      const folded = foldAccents(word);
      if (folded.length < MIN_LENGTH || /\d/.test(folded) || this.counts.has(folded)) return word;
      const term = this.termOf(word);
      if (!term || this.knownTerms.has(term)) return word;
      const fix = this.closest(folded);
      if (!fix) return word;
      const fixedTerm = this.termOf(fix);
      if (fixedTerm) corrected.add(fixedTerm);
      return fix;
    });
    return { text: words.join(' '), corrected };
  }

  /** The known word fewest edits away, the most used first; none beyond the edits allowed. */
  private closest(word: string): string | undefined {
    const most = editsAllowed(word);
    let best: { word: string; edits: number; count: number } | undefined;
    for (let length = word.length - most; length <= word.length + most; length++)
      for (const [known, count] of this.byLength.get(length) ?? []) {
        const edits = editDistance(word, known);
        if (edits > most) continue;
        if (!best || edits < best.edits || (edits === best.edits && count > best.count))
          best = { word: known, edits, count };
      }
    return best?.word;
  }
}
