// A titled row of other products (complementary, pairings): each tile opens its
// product. A lead (a wine's dishes) can come before the tiles.
import type { ReactNode } from 'react';
import type { StoredProduct } from '../../client';
import type { Promotion } from '../../core';
import { useI18n } from '../i18n/i18n';
import { ProductImage } from './ProductImage';
import { productPriceText } from './price-text';

export function ProductTiles(props: {
  id: string;
  title: string;
  products: StoredProduct[];
  /** The store's promotions: a tile shows the price the product's page would. */
  promotions: readonly Promotion[];
  onOpenProduct: (productId: string) => void;
  lead?: ReactNode;
}) {
  const i18n = useI18n();
  const { lang } = i18n;
  if (props.products.length === 0 && !props.lead) return null;
  return (
    <section className="panel" aria-labelledby={`${props.id}-title`} data-testid={props.id}>
      <h3 id={`${props.id}-title`}>{props.title}</h3>
      {props.lead}
      <ul className="tiles">
        {props.products.map((other) => (
          <li key={other.id}>
            <button
              type="button"
              className="tile"
              data-product-id={other.id}
              onClick={() => props.onOpenProduct(other.id)}
            >
              <ProductImage src={other.images[0]} className="tile-image" sizes="240px" />
              <span className="tile-price">{productPriceText(other, props.promotions, i18n)}</span>
              <span className="tile-name">{other.name[lang]}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
