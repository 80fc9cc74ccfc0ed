// A few dozen promotions on a subcategory, sometimes one brand's share of
// it: two thirds running at `now`, the rest starting in the coming weeks.
// Dates come from `now`, never the wall clock, so output stays reproducible.
import type { Product, Promotion } from '@vitrine/shared/core';
import { groupBySubcategory } from './catalogue-index';
import { must, type Random } from './random';
import { subcategoryOf } from './subcategories';

const DAY_MS = 86_400_000;
const PROMOTION_COUNT = 36;
const MAX_PRODUCTS = 40;

/** Midnight UTC `days` days after the day of `now`. */
function dayOffset(now: Date, days: number): string {
  const midnight = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  return new Date(midnight + days * DAY_MS).toISOString();
}

/** "champagne" for "Champagnes": the first word, singular, lower case. */
function stem(label: string): string {
  return (label.split(' ')[0] ?? '').toLowerCase().replace(/s$/, '');
}

function euros(cents: number): string {
  return String(cents / 100);
}

interface Offer {
  kind: Promotion['kind'];
  value: number;
  fr: string;
  en: string;
}

/** The discount; `amount` values are in cents and only go on products worth 4× as much. */
function drawOffer(rng: Random, cheapest: number): Offer {
  const roll = rng.next();
  if (roll < 0.25)
    return {
      kind: 'second-half-price',
      value: 50,
      fr: 'le 2e à moitié prix',
      en: 'second one half price',
    };
  if (roll < 0.5) {
    // Between a twelfth and a quarter of the cheapest product: "€3 off a coat" would look silly.
    const amounts = [200, 300, 500, 1000, 2000, 5000, 10000].filter(
      (cents) => cents * 4 <= cheapest && cents * 12 >= cheapest,
    );
    if (amounts.length > 0) {
      const value = rng.pick(amounts);
      return {
        kind: 'amount',
        value,
        fr: `${euros(value)} € de remise`,
        en: `€${euros(value)} off`,
      };
    }
  }
  const value = rng.pick([10, 15, 20, 25, 30, 40]);
  return { kind: 'percent', value, fr: `-${value} %`, en: `${value}% off` };
}

export function generatePromotions(
  rng: Random,
  products: readonly Product[],
  now: Date,
): Promotion[] {
  // Each promotion takes the next subcategory of a shuffled list, so two never overlap.
  const groups = rng.shuffle([...groupBySubcategory(products).entries()]);
  if (groups.length === 0) return [];
  const promotions: Promotion[] = [];
  for (let i = 0; i < PROMOTION_COUNT; i++) {
    const [slug, group] = must(groups[i % groups.length], 'promoted subcategory');
    // A brand's promotion only when the brand has a few products in the subcategory.
    const candidate = rng.chance(0.5) ? rng.pick(group).brand : undefined;
    const ofBrand = group.filter((p) => p.brand === candidate);
    const brand = ofBrand.length >= 3 ? candidate : undefined;
    const targeted = brand === undefined ? group : ofBrand;
    const chosen = rng.sample(targeted, MAX_PRODUCTS);
    const cheapest = Math.min(...chosen.map((p) => p.priceCents));
    const offer = drawOffer(rng, cheapest);
    const label = subcategoryOf(slug)?.label ?? { fr: slug, en: slug };
    const by = brand === undefined ? { fr: '', en: '' } : { fr: ` ${brand}`, en: ` by ${brand}` };
    // "Champagne Aubriot & Fils", not "Champagnes Champagne Aubriot & Fils".
    const named = brand !== undefined && brand.toLowerCase().startsWith(stem(label.fr));
    const what = named
      ? { fr: brand, en: brand }
      : { fr: `${label.fr}${by.fr}`, en: `${label.en}${by.en}` };
    const current = i < (PROMOTION_COUNT * 2) / 3;
    const start = current ? -rng.int(1, 20) : rng.int(2, 40);
    const end = current ? rng.int(3, 30) : start + rng.int(7, 21);
    promotions.push({
      id: `promo-${String(i + 1).padStart(3, '0')}`,
      productIds: chosen.map((p) => p.id),
      kind: offer.kind,
      value: offer.value,
      label: {
        fr: `${what.fr} : ${offer.fr}`,
        en: `${what.en}: ${offer.en}`,
      },
      startsAt: dayOffset(now, start),
      endsAt: dayOffset(now, end),
    });
  }
  return promotions;
}
