// Reviews: average, histogram, texts filtered by language and sorted.
import { useMemo, useState } from 'react';
import type { ProductReviews } from '../../core';
import { useI18n } from '../i18n/i18n';

type Sort = 'recent' | 'best' | 'worst';
const SHOWN = 20;

export function ReviewsPanel({ reviews }: { reviews: ProductReviews | undefined }) {
  const { t, number, date } = useI18n();
  const [sort, setSort] = useState<Sort>('recent');
  const [language, setLanguage] = useState<'all' | 'fr' | 'en'>('all');
  const shown = useMemo(() => {
    const list = (reviews?.reviews ?? []).filter((r) => language === 'all' || r.lang === language);
    const order: Record<Sort, (a: (typeof list)[number], b: (typeof list)[number]) => number> = {
      recent: (a, b) => b.date.localeCompare(a.date),
      best: (a, b) => b.rating - a.rating || b.date.localeCompare(a.date),
      worst: (a, b) => a.rating - b.rating || b.date.localeCompare(a.date),
    };
    return list.sort(order[sort]).slice(0, SHOWN);
  }, [reviews, sort, language]);

  if (!reviews || reviews.count === 0) {
    return (
      <section className="panel reviews" aria-labelledby="reviews-title" data-testid="reviews">
        <h3 id="reviews-title">{t.reviews}</h3>
        <p>{t.noReviews}</p>
      </section>
    );
  }
  const most = Math.max(1, ...reviews.histogram);
  return (
    <section className="panel reviews" aria-labelledby="reviews-title" data-testid="reviews">
      <h3 id="reviews-title">{t.reviews}</h3>
      <p className="average">
        <span aria-hidden="true">★ {number(reviews.average)} / 5</span>
        <span className="sr-only">{t.averageOf(number(reviews.average))}</span> ·{' '}
        {t.reviewCount(reviews.count)}
      </p>
      <ul className="histogram">
        {[5, 4, 3, 2, 1].map((stars) => {
          const count = reviews.histogram[stars - 1] ?? 0;
          return (
            <li key={stars}>
              <span>{t.stars(stars)}</span>
              <meter min={0} max={most} value={count} aria-label={t.stars(stars)} />
              <span>{count}</span>
            </li>
          );
        })}
      </ul>
      <div className="review-controls">
        <label>
          {t.sortBy}{' '}
          <select value={sort} onChange={(e) => setSort(e.target.value as Sort)}>
            <option value="recent">{t.sortRecent}</option>
            <option value="best">{t.sortBest}</option>
            <option value="worst">{t.sortWorst}</option>
          </select>
        </label>
        <label>
          {t.reviewLang}{' '}
          <select
            value={language}
            onChange={(e) => setLanguage(e.target.value as 'all' | 'fr' | 'en')}
          >
            <option value="all">{t.allLanguages}</option>
            <option value="fr">Français</option>
            <option value="en">English</option>
          </select>
        </label>
      </div>
      <ul className="review-list">
        {shown.map((review) => (
          <li key={review.id} lang={review.lang}>
            <p>
              <strong>{'★'.repeat(review.rating)}</strong> {review.title}
            </p>
            <p>{review.text}</p>
            <p className="muted">
              {review.author} · {date(review.date)}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
