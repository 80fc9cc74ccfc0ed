// What a product costs now: the sale or promotion running for it and the price
// after it. One implementation for every screen (kiosk page, mirror, signage
// card, attract loop, head-office preview, search tiles) and the loyalty
// basket, so they can never disagree on a price.
import type { Product, Promotion, Sale, Variant } from './catalogue';

export function activePromotion(
  promotions: readonly Promotion[],
  productId: string,
  now: Date,
): Promotion | undefined {
  const at = now.toISOString();
  return promotions.find(
    (promo) => promo.productIds.includes(productId) && promo.startsAt <= at && at < promo.endsAt,
  );
}

/** The price after a promotion, when the promotion is a simple reduction (`amount` is in cents). */
function promotedPriceCents(regularCents: number, promotion: Promotion): number | undefined {
  if (promotion.kind === 'percent') return Math.round(regularCents * (1 - promotion.value / 100));
  if (promotion.kind === 'amount') return Math.max(0, regularCents - promotion.value);
  return undefined;
}

/** What pricing reads of a variant: its own price and sale, when not the product's. */
export type PricedVariant = Pick<Variant, 'id' | 'priceCents' | 'sale'>;
/** What pricing reads of a product (a search hit carries just this). */
export type Priced = Pick<Product, 'id' | 'priceCents' | 'sale'> & {
  variants: readonly PricedVariant[];
};

export type PriceNow = {
  /** The price before any reduction: the chosen variant's, or the one `from` names. */
  regularCents: number;
  /** What it costs now: below `regularCents` when a sale or promotion gives it. */
  nowCents: number;
  /** A sale from the feed gives `nowCents`. */
  onSale: boolean;
  /** When that sale ends, when it says. */
  saleEndsAt?: string;
  /** The promotion to show beside the price: the one giving it, or an offer that
   * sets no unit price (second half price). Never one a lower sale beat. */
  promotion?: Promotion;
  /** No variant chosen and the variants cost different amounts now: "from X", X the lowest. */
  from: boolean;
};

/** Sale bounds are UTC `toISOString()` instants (the schema checks): compared as strings. */
function running(sale: Sale | null | undefined, at: string): sale is Sale {
  return (
    !!sale &&
    (sale.startsAt === undefined || sale.startsAt <= at) &&
    (sale.endsAt === undefined || at < sale.endsAt)
  );
}

function itemPrice(
  product: Priced,
  variant: PricedVariant | undefined,
  promotion: Promotion | undefined,
  at: string,
): PriceNow {
  const regularCents = variant?.priceCents ?? product.priceCents;
  // A variant's own sale (or its null: not on sale) overrides the product's.
  const sale = variant && variant.sale !== undefined ? variant.sale : product.sale;
  const saleCents =
    running(sale, at) && sale.priceCents < regularCents ? sale.priceCents : undefined;
  const promoted = promotion && promotedPriceCents(regularCents, promotion);
  const promoCents = promoted !== undefined && promoted < regularCents ? promoted : undefined;
  // A sale and a promotion do not add up: the lower price wins (the sale on a tie).
  if (saleCents !== undefined && (promoCents === undefined || saleCents <= promoCents)) {
    return {
      regularCents,
      nowCents: saleCents,
      onSale: true,
      ...(sale?.endsAt !== undefined && { saleEndsAt: sale.endsAt }),
      // A multi-buy offer still applies on top of a sale; a beaten reduction is not shown.
      ...(promotion && promoted === undefined && { promotion }),
      from: false,
    };
  }
  return {
    regularCents,
    nowCents: promoCents ?? regularCents,
    onSale: false,
    ...(promotion && { promotion }),
    from: false,
  };
}

/**
 * The price to show for a product now: of `variant` when one is chosen, else
 * of the variant that costs least now (`from` says whether others cost more).
 */
export function priceNow(
  product: Priced,
  variant: PricedVariant | undefined,
  promotions: readonly Promotion[],
  now: Date,
): PriceNow {
  const promotion = activePromotion(promotions, product.id, now);
  const at = now.toISOString();
  if (variant || product.variants.length === 0) return itemPrice(product, variant, promotion, at);
  const each = product.variants.map((item) => itemPrice(product, item, promotion, at));
  const lowest = each.reduce((a, b) => (b.nowCents < a.nowCents ? b : a));
  return { ...lowest, from: each.some((price) => price.nowCents !== lowest.nowCents) };
}
