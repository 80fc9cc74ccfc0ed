// The result list. Memoised: a keystroke re-renders the search box at once,
// and the tiles only when the worker's answer brings other hits or is for
// other text. A new answer paints the tiles in view first (see
// use-first-screen-first.ts); tiles below the fold skip layout until scrolled to.
import { memo, useMemo, useRef } from 'react';
import type { SearchHit } from '../../client/search';
import type { Promotion } from '../../core';
import { useI18n, type I18n } from '../i18n/i18n';
import { ProductImage } from '../product/ProductImage';
import { productPriceText } from '../product/price-text';
import { tellApart, type TellApart } from './tell-apart';
import { useFirstScreenFirst } from './use-first-screen-first';

export const ResultList = memo(function ResultList(props: {
  hits: readonly SearchHit[];
  /** The text these hits answer (see SearchState): tests and benchmarks wait for it. */
  answered: string | undefined;
  onOpenProduct: (productId: string) => void;
  /** The store's promotions: a tile shows the price the product's page would. */
  promotions: readonly Promotion[];
}) {
  const listRef = useRef<HTMLUListElement>(null);
  const { shown, complete, firstScreen } = useFirstScreenFirst(props.hits, listRef);
  return (
    <ul
      ref={listRef}
      className="tiles"
      data-testid="results"
      data-answered={props.answered}
      data-complete={complete}
      data-first-screen={firstScreen}
    >
      <Tiles
        hits={shown}
        firstScreen={firstScreen}
        onOpenProduct={props.onOpenProduct}
        promotions={props.promotions}
      />
    </ul>
  );
});

const Tiles = memo(function Tiles(props: {
  hits: readonly SearchHit[];
  firstScreen: number | undefined;
  onOpenProduct: (productId: string) => void;
  promotions: readonly Promotion[];
}) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const { firstScreen = 0 } = props;
  const details = useMemo(() => tellApart(props.hits, lang), [props.hits, lang]);
  return (
    <>
      {props.hits.map((hit, i) => {
        // A product without a brand or anything to tell it apart has no brand line at all.
        const brandLine = [hit.brand, ...detailText(details.get(hit.id), t.sizeRange)]
          .filter(Boolean)
          .join(' · ');
        return (
          <li key={hit.id} className={i < firstScreen ? undefined : 'below-fold'}>
            <button
              type="button"
              className="tile"
              data-product={hit.id}
              onClick={() => props.onOpenProduct(hit.id)}
            >
              <ProductImage src={hit.image} className="tile-image" sizes="240px" />
              <span className="tile-price">{tilePrice(hit, props.promotions, i18n)}</span>
              <span className={hit.inStockHere ? 'tile-stock tile-stock--here' : 'tile-stock'}>
                {hit.inStockHere ? t.inStockHere : t.notInStockHere}
              </span>
              <span className="tile-name">{lang === 'fr' ? hit.nameFr : hit.nameEn}</span>
              {brandLine && <span className="tile-brand">{brandLine}</span>}
            </button>
          </li>
        );
      })}
    </>
  );
});

/** A hit priced as its product page is (priceNow), with what the index keeps of its pricing. */
function tilePrice(hit: SearchHit, promotions: readonly Promotion[], i18n: I18n): string {
  const { pricing } = hit;
  return productPriceText(
    { id: hit.id, priceCents: hit.priceCents, ...pricing, variants: pricing?.variants ?? [] },
    promotions,
    i18n,
  );
}

const COLOURS_SHOWN = 2;

/** Sizes first: the brand line is one line, and they are the shortest to tell apart. */
function detailText(detail: TellApart | undefined, sizes: (range: string) => string): string[] {
  if (!detail) return [];
  const { sizeRange, colours = [] } = detail;
  const more = colours.length > COLOURS_SHOWN ? ` +${colours.length - COLOURS_SHOWN}` : '';
  return [
    ...(sizeRange ? [sizes(sizeRange)] : []),
    ...(colours.length > 0 ? [colours.slice(0, COLOURS_SHOWN).join(', ') + more] : []),
  ];
}
