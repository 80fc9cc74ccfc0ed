// What an idle kiosk shows: the current promotions, one after another, read
// from the local copy. Any touch or key starts a session.
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';
import type { DeviceDb, StoredProduct } from '../../client';
import type { Promotion } from '../../core';
import { useI18n } from '../i18n/i18n';

type Slide = { promotion: Promotion; product: StoredProduct | undefined };
const SLIDE_MS = 6_000;

async function currentSlides(db: DeviceDb, now: Date): Promise<Slide[]> {
  const at = now.toISOString();
  const promotions = (await db.promotions.toArray())
    .filter((p) => p.startsAt <= at && at < p.endsAt)
    .slice(0, 12);
  const products = await db.products.bulkGet(promotions.map((p) => p.productIds[0] ?? ''));
  return promotions.map((promotion, i) => ({ promotion, product: products[i] }));
}

export function AttractLoop({ db, onStart }: { db: DeviceDb; onStart: () => void }) {
  const { t, lang, price } = useI18n();
  const [slides, setSlides] = useState<Slide[]>([]);
  const [index, setIndex] = useState(0);
  useEffect(() => {
    // Live: on a screen's very first start the local copy fills while the loop
    // is already showing, and promotions come and go while it runs.
    const subscription = liveQuery(() => currentSlides(db, new Date())).subscribe({
      next: setSlides,
      error: () => setSlides([]),
    });
    const timer = setInterval(() => setIndex((i) => i + 1), SLIDE_MS);
    return () => {
      subscription.unsubscribe();
      clearInterval(timer);
    };
  }, [db]);
  const slide = slides.length ? slides[index % slides.length] : undefined;
  return (
    <button type="button" className="attract" data-testid="attract" onClick={onStart}>
      <span className="attract-title">{t.attractTitle}</span>
      {slide && (
        <span className="attract-slide" aria-live="off">
          <strong data-testid="attract-promotion">{slide.promotion.label[lang]}</strong>
          {slide.product && (
            <span>
              {slide.product.name[lang]} · {price(slide.product.priceCents)}
            </span>
          )}
        </span>
      )}
      <span className="attract-touch">{t.attractTouch}</span>
    </button>
  );
}
