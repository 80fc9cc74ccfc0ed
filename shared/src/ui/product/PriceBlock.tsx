// The product page's price, from core's priceNow: the price now (a sale or a
// promotion strikes the regular one), "from X" when the variants cost
// different amounts and none is chosen, that variant's price once one is.
import { priceNow, type Product, type Promotion } from '../../core';
import { useI18n } from '../i18n/i18n';
import { priceText } from './price-text';

export function PriceBlock(props: {
  product: Product;
  /** The promotion running for it (ProductView's). */
  promotion?: Promotion | undefined;
  /** The chosen variant's id, if any. */
  variantId?: string | undefined;
}) {
  const i18n = useI18n();
  const { t, lang, price } = i18n;
  const { product } = props;
  const variant = product.variants.find((each) => each.id === props.variantId);
  const shown = priceNow(product, variant, props.promotion ? [props.promotion] : [], new Date());
  const { promotion } = shown;
  return (
    <div className="price-block">
      <p
        className="price"
        data-testid="price"
        data-cents={shown.nowCents}
        data-from={shown.from}
        data-sale={shown.onSale}
      >
        <strong>{priceText(shown, i18n)}</strong>
        {shown.nowCents < shown.regularCents && (
          <>
            {' '}
            <span className="price--was">
              {t.fromPrice} <s>{price(shown.regularCents)}</s>
            </span>
          </>
        )}
      </p>
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
