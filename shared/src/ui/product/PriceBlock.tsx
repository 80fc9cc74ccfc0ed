import type { Product, Promotion } from '../../core';
import { useI18n } from '../i18n/i18n';
import { promotedPriceCents } from './product-view';

export function PriceBlock({ product, promotion }: { product: Product; promotion?: Promotion }) {
  const { t, lang, price } = useI18n();
  const promoted = promotedPriceCents(product, promotion);
  return (
    <div className="price-block">
      {promoted !== undefined ? (
        <p className="price" data-testid="price">
          <strong>{price(promoted)}</strong>{' '}
          <span className="price--was">
            {t.fromPrice} <s>{price(product.priceCents)}</s>
          </span>
        </p>
      ) : (
        <p className="price" data-testid="price">
          <strong>{price(product.priceCents)}</strong>
        </p>
      )}
      {promotion && (
        <p className="promo" data-testid="promotion">
          {t.promotion} · {promotion.label[lang]}
        </p>
      )}
      {product.loyaltyPriceCents !== undefined && (
        <p className="loyalty-price">
          {t.labelled(t.loyaltyPrice, price(product.loyaltyPriceCents))}
        </p>
      )}
    </div>
  );
}
