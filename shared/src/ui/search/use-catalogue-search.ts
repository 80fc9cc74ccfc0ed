// Runs a search for every change of the request and returns the latest answer.
// The hits carry the tiles' fields, so nothing is read from IndexedDB here.
import { useEffect, useState } from 'react';
import type {
  CatalogueSearch,
  IndexStatus,
  SearchAnswer,
  SearchHit,
  SearchRequest,
} from '../../client/search';

/** `query` is the text the shown answer is for (the page marks it, so tests and
 * benchmarks can tell when a keystroke's results are on screen even if unchanged). */
export type SearchState =
  { answer: SearchAnswer; query: string; department: string | undefined } | undefined;

export function useIndexStatus(search: CatalogueSearch): IndexStatus {
  const [status, setStatus] = useState(search.status);
  useEffect(() => search.onStatus(setStatus), [search]);
  return status;
}

export function useCatalogueSearch(
  search: CatalogueSearch,
  request: SearchRequest,
  /** Changes when the index does: the answer is asked again. */
  indexVersion: string,
): SearchState {
  const [state, setState] = useState<SearchState>(undefined);
  const key = JSON.stringify(request);
  useEffect(() => {
    let current = true;
    const asked = JSON.parse(key) as SearchRequest;
    void search.search(asked).then((answer) => {
      if (!answer || !current) return;
      // Many keystrokes leave the top hits as they were: keep the same array
      // so the memoised tiles are not rendered again.
      setState((shown) => ({
        answer:
          shown && sameHits(shown.answer.hits, answer.hits)
            ? { ...answer, hits: shown.answer.hits }
            : answer,
        query: asked.query,
        department: asked.department,
      }));
    });
    return () => {
      current = false;
    };
  }, [search, key, indexVersion]);
  return state;
}

function sameHits(a: readonly SearchHit[], b: readonly SearchHit[]): boolean {
  return (
    a.length === b.length &&
    a.every((hit, i) => {
      const other = b[i];
      return (
        !!other &&
        hit.id === other.id &&
        hit.nameFr === other.nameFr &&
        hit.nameEn === other.nameEn &&
        hit.brand === other.brand &&
        hit.priceCents === other.priceCents &&
        hit.inStockHere === other.inStockHere &&
        hit.sizeRange === other.sizeRange &&
        hit.colours?.join() === other.colours?.join() &&
        JSON.stringify(hit.pricing) === JSON.stringify(other.pricing)
      );
    })
  );
}
