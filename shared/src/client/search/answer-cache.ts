// Answers kept per index. The costly searches are the two-letter prefixes
// ("ch" matches ~5,500 of 20k products: ~10 ms in MiniSearch, the slowest key
// of a typed word), and every word starts with one: the worker answers them
// all while building the index, before it replaces the old one.
import { foldText } from './fold-text';
import type { SearchDoc, SearchRequest, SearchResponse } from './search-types';

const MAX_ENTRIES = 1_000;

export class AnswerCache {
  private readonly answers = new Map<string, SearchResponse>();

  get(request: SearchRequest): SearchResponse | undefined {
    return this.answers.get(keyOf(request));
  }

  set(request: SearchRequest, response: SearchResponse): void {
    const key = keyOf(request);
    this.answers.delete(key);
    this.answers.set(key, response);
    // Maps iterate in insertion order: the first key is the least recently set.
    if (this.answers.size > MAX_ENTRIES) {
      const oldest = this.answers.keys().next();
      if (!oldest.done) this.answers.delete(oldest.value);
    }
  }

  get size(): number {
    return this.answers.size;
  }
}

/** Same request, same key: undefined fields are left out, the rest in a fixed order. */
function keyOf(request: SearchRequest): string {
  const { query, department, brand, priceBand, inStockHere, limit } = request;
  return JSON.stringify([query, department, brand, priceBand, inStockHere, limit]);
}

/** The distinct first two letters (folded) of every word a shopper can search for. */
export function twoLetterPrefixes(docs: Iterable<SearchDoc>): Set<string> {
  const prefixes = new Set<string>();
  for (const doc of docs) {
    const text = foldText([doc.nameFr, doc.nameEn, doc.brand, doc.shelves, doc.tags].join(' '));
    for (const word of text.split(/[^\p{L}\p{N}]+/u))
      if (word.length >= 2) prefixes.add(word.slice(0, 2));
  }
  return prefixes;
}
