// Shoppers' reviews: one ProductReviews record per reviewed product, its
// ratings drawn around a per-product quality so some products shine and
// some disappoint; texts assembled from words-reviews.ts in French or English.
import type { Product, ProductReviews } from '@vitrine/shared/core';
import type { Random } from './random';
import { must } from './random';
import { FIRST_NAMES_EN, FIRST_NAMES_FR, LAST_NAMES } from './words-fr-en';
import { CLOSERS, OPENERS, REMARKS, TITLES, sentimentOf, type ReviewTopic } from './words-reviews';
import { subcategoryOfProductId } from './subcategories';
import { WINE_SUBCATEGORIES } from './words-wine';

type Review = ProductReviews['reviews'][number];
type Lang = Review['lang'];

const DAY_MS = 86_400_000;
const WINES = new Set(WINE_SUBCATEGORIES.map((sub) => sub.slug));

function topicOf(product: Product): ReviewTopic {
  const sub = subcategoryOfProductId(product.id);
  return sub && WINES.has(sub.slug) ? 'wine' : (sub?.category ?? 'food');
}

/** A standard normal draw (Box–Muller). */
function gaussian(rng: Random): number {
  const u = 1 - rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}

function drawRating(rng: Random, quality: number): number {
  return Math.min(5, Math.max(1, Math.round(quality + gaussian(rng) * 0.9)));
}

function writeReview(
  rng: Random,
  product: Product,
  index: number,
  quality: number,
  days: readonly string[],
): Review {
  const rating = drawRating(rng, quality);
  const lang: Lang = rng.chance(0.72) ? 'fr' : 'en';
  const sentiment = sentimentOf(rating);
  const first = rng.pick(lang === 'fr' ? FIRST_NAMES_FR : FIRST_NAMES_EN);
  const opener = rng.pick(OPENERS[sentiment])[lang];
  const remark = rng.pick(REMARKS[topicOf(product)][sentiment])[lang];
  const closer = rng.pick(must(CLOSERS[rating - 1], 'closers'))[lang];
  const date = rng.pick(days);
  return {
    id: `${product.id}-r${index + 1}`,
    rating,
    lang,
    author: `${first} ${rng.pick(LAST_NAMES).charAt(0)}.`,
    title: rng.pick(must(TITLES[rating - 1], 'titles'))[lang],
    text: `${opener} ${remark} ${closer}`,
    date,
  };
}

function summarise(id: string, reviews: Review[]): ProductReviews {
  const histogram: ProductReviews['histogram'] = [0, 0, 0, 0, 0];
  let sum = 0;
  for (const review of reviews) {
    const star = review.rating - 1;
    histogram[star] = (histogram[star] ?? 0) + 1;
    sum += review.rating;
  }
  const average = reviews.length === 0 ? 0 : Math.round((sum / reviews.length) * 100) / 100;
  return { id, average, count: reviews.length, histogram, reviews };
}

export function generateReviews(
  rng: Random,
  products: readonly Product[],
  now: Date,
): ProductReviews[] {
  // The two years before `now`, as dates: computed once, not per review.
  const days = Array.from({ length: 730 }, (_, i) =>
    new Date(now.getTime() - (i + 1) * DAY_MS).toISOString().slice(0, 10),
  );
  const docs: ProductReviews[] = [];
  for (const product of products) {
    if (rng.chance(0.15)) continue;
    // Review counts have a long tail: most products get a few, a few get dozens.
    const count = Math.min(60, 1 + Math.floor(-Math.log(1 - rng.next()) * 3.5));
    const quality = rng.float(2.6, 4.9);
    const reviews = Array.from({ length: count }, (_, i) =>
      writeReview(rng, product, i, quality, days),
    );
    reviews.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
    docs.push(summarise(product.id, reviews));
  }
  return docs;
}
