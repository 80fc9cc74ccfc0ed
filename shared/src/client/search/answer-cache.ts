// Answers kept until the index changes. The costly searches are the empty box
// and its department chips (every product a hit) and the two-letter prefixes
// ("ch" matches 31,576 of 100k products), and every word starts with one: the
// worker answers them in the background after each change of the index.
import type { SearchRequest, SearchResponse } from './search-types';

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
