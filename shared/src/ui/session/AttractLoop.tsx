// What an idle kiosk shows: the current promotions and the products on sale
// now (attract-slides.ts), one after another, read from the local copy. Any
// touch or key starts a session. A price beside a promotion is the price
// after it (one pricing rule, from core), so a discount is never advertised
// next to the price it does not apply to.
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';
import type { DeviceDb } from '../../client';
import { priceNow } from '../../core';
import { useI18n } from '../i18n/i18n';
import { ProductImage } from '../product/ProductImage';
import { priceText } from '../product/price-text';
import { currentSlides, type Slide } from './attract-slides';

const SLIDE_MS = 6_000;
/** Sales and promotions start and end as time passes: the slides are read again each minute. */
const MINUTE_MS = 60_000;

export function AttractLoop({ db, onStart }: { db: DeviceDb; onStart: () => void }) {
  const { t, lang } = useI18n();
  const [slides, setSlides] = useState<Slide[]>([]);
  const [index, setIndex] = useState(0);
  const [minute, setMinute] = useState(0);
  useEffect(() => {
    // Live: on a first start the local copy fills after the loop is shown.
    const subscription = liveQuery(() => currentSlides(db, new Date())).subscribe({
      next: setSlides,
      error: () => setSlides([]),
    });
    return () => subscription.unsubscribe();
  }, [db, minute]);
  useEffect(() => {
    const timer = setInterval(() => setIndex((i) => i + 1), SLIDE_MS);
    const clock = setInterval(() => setMinute((n) => n + 1), MINUTE_MS);
    return () => {
      clearInterval(timer);
      clearInterval(clock);
    };
  }, []);
  const slide = slides.length ? slides[index % slides.length] : undefined;
  return (
    <button
      type="button"
      className="attract"
      data-testid="attract"
      data-products={slides.map((each) => each.product.id).join(' ')}
      onClick={onStart}
    >
      {/* "Right now" heads the offers: with none (a store fresh from its feeds), only the invitation. */}
      {slide && <span className="attract-title">{t.attractTitle}</span>}
      {slide && (
        <span
          className="attract-slide"
          aria-live="off"
          data-testid="attract-slide"
          data-promotion={slide.promotion?.id}
          data-product={slide.product.id}
        >
          <ProductImage src={slide.product.images[0]} className="attract-image" />
          <span className="attract-text">
            {showsBadge(slide) && (
              <span className="attract-badge" data-testid="attract-badge">
                {slide.promotion?.label[lang]}
              </span>
            )}
            <span className="attract-name">{slide.product.name[lang]}</span>
            <SlidePrice slide={slide} />
          </span>
        </span>
      )}
      <span className="attract-touch">{t.attractTouch}</span>
    </button>
  );
}

/** The slide's price from core's priceNow, as the product page would show it now. */
const shownOf = ({ promotion, product }: Slide) =>
  priceNow(product, undefined, promotion ? [promotion] : [], new Date());

/** A reduction that leaves the price as it is (0 %), or one a lower sale beats, is no offer;
 * a multi-buy offer is one. */
function showsBadge(slide: Slide): boolean {
  const shown = shownOf(slide);
  if (shown.promotion?.kind === 'second-half-price') return true;
  return shown.promotion !== undefined && shown.nowCents < shown.regularCents;
}

function SlidePrice({ slide }: { slide: Slide }) {
  const i18n = useI18n();
  const { t, price } = i18n;
  const shown = shownOf(slide);
  if (shown.nowCents >= shown.regularCents)
    return (
      <span className="attract-price" data-testid="attract-price">
        {priceText(shown, i18n)}
      </span>
    );
  return (
    <span className="attract-price" data-testid="attract-price">
      {priceText(shown, i18n)}{' '}
      <span className="attract-was" data-testid="attract-was">
        {t.fromPrice} <s>{price(shown.regularCents)}</s>
      </span>
    </span>
  );
}
