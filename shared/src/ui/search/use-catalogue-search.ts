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

export type SearchState = { answer: SearchAnswer; products: StoredProduct[] } | undefined;

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
    void search.search(JSON.parse(key) as SearchRequest).then(async (answer) => {
      if (!answer || !current) return;
      const products = await db.products.bulkGet(answer.hits.map((hit) => hit.id));
      if (current) setState({ answer, products: products.filter((p): p is StoredProduct => !!p) });
    });
    return () => {
      current = false;
    };
  }, [search, db, key, indexReady]);
  return state;
}
