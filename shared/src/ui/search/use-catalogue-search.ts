// Runs a search for every change of the request and returns the latest answer
// with the hits' products read from the local copy.
import { useEffect, useState } from 'react';
import type { DeviceDb, StoredProduct } from '../../client';
import type {
  CatalogueSearch,
  IndexStatus,
  SearchAnswer,
  SearchRequest,
} from '../../client/search';

/** `query` is the text the shown answer is for (the page marks it, so tests and
 * benchmarks can tell when a keystroke's results are on screen even if unchanged). */
export type SearchState =
  { answer: SearchAnswer; products: StoredProduct[]; query: string } | undefined;

export function useIndexStatus(search: CatalogueSearch): IndexStatus {
  const [status, setStatus] = useState(search.status);
  useEffect(() => search.onStatus(setStatus), [search]);
  return status;
}

export function useCatalogueSearch(
  search: CatalogueSearch,
  db: DeviceDb,
  request: SearchRequest,
  indexReady: boolean,
): SearchState {
  const [state, setState] = useState<SearchState>(undefined);
  const key = JSON.stringify(request);
  useEffect(() => {
    let current = true;
    const asked = JSON.parse(key) as SearchRequest;
    void search.search(asked).then(async (answer) => {
      if (!answer || !current) return;
      const products = await db.products.bulkGet(answer.hits.map((hit) => hit.id));
      if (current)
        setState({
          answer,
          products: products.filter((p): p is StoredProduct => !!p),
          query: asked.query,
        });
    });
    return () => {
      current = false;
    };
  }, [search, db, key, indexReady]);
  return state;
}
