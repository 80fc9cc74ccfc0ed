// The result tiles. Memoised: a keystroke re-renders the search box at once,
// and the 48 tiles only when the worker's answer brings other hits.
import { memo } from 'react';
import type { SearchHit } from '../../client/search';
import { useI18n } from '../i18n/i18n';

export const ResultTiles = memo(function ResultTiles(props: {
  hits: readonly SearchHit[];
  onOpenProduct: (productId: string) => void;
}) {
  const { lang, price } = useI18n();
  return (
    <>
      {props.hits.map((hit) => (
        <li key={hit.id}>
          <button type="button" className="tile" onClick={() => props.onOpenProduct(hit.id)}>
            <span className="tile-name">{lang === 'fr' ? hit.nameFr : hit.nameEn}</span>
            <span className="muted">{hit.brand}</span>
            <span>{price(hit.priceCents)}</span>
          </button>
        </li>
      ))}
    </>
  );
});
