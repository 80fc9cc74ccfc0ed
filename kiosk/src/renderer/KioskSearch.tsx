// The search screen's own state: a keystroke re-renders this panel only, not
// the whole session (top bar, footer, screens). The session keeps the last
// request so coming back from a product page shows the same search.
import { useState } from 'react';
import type { CatalogueSearch, SearchRequest } from '@vitrine/shared/client/search';
import type { NewDeviceEvent, Promotion } from '@vitrine/shared/core';
import { SearchPanel } from '@vitrine/shared/ui';

export function KioskSearch(props: {
  search: CatalogueSearch;
  initial: SearchRequest;
  onRequest: (request: SearchRequest) => void;
  record: (event: NewDeviceEvent) => void;
  onOpenProduct: (productId: string) => void;
  /** The store's promotions (StoreContext): tiles are priced as product pages are. */
  promotions: readonly Promotion[] | undefined;
}) {
  const [request, setRequest] = useState(props.initial);
  return (
    <SearchPanel
      search={props.search}
      request={request}
      onChange={(next) => {
        setRequest(next);
        props.onRequest(next);
        if (next.query && next.query !== request.query && next.query.length % 3 === 0)
          props.record({
            kind: 'interaction',
            payload: { action: 'search', query: next.query.slice(0, 500) },
          });
      }}
      onOpenProduct={props.onOpenProduct}
      promotions={props.promotions}
      focusResultsOnOpen
    />
  );
}
