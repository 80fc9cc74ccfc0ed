import { describe, expect, it } from 'vitest';
import type { Promotion } from './catalogue';
import { activePromotion, priceNow, type Priced } from './pricing';

const promo = (kind: Promotion['kind'], value: number, productId = 'lamp'): Promotion => ({
  id: `p-${kind}`,
  productIds: [productId],
  kind,
  value,
  label: { fr: 'Promo', en: 'Deal' },
  startsAt: '2026-11-01T00:00:00.000Z',
  endsAt: '2026-12-01T00:00:00.000Z',
});
const IN_NOVEMBER = new Date('2026-11-23T07:00:00Z');
const lamp = (priceCents: number, extra: Partial<Priced> = {}): Priced => ({
  id: 'lamp',
  priceCents,
  variants: [{ id: 'LAMP-1' }],
  ...extra,
});
const nowCents = (product: Priced, promotions: Promotion[], at = IN_NOVEMBER) =>
  priceNow(product, undefined, promotions, at).nowCents;

describe('pricing', () => {
  it('takes percent off, and an amount in cents, never below zero', () => {
    expect(nowCents(lamp(4_999), [promo('percent', 20)])).toBe(3_999);
    expect(nowCents(lamp(4_999), [promo('amount', 500)])).toBe(4_499);
    expect(nowCents(lamp(300), [promo('amount', 500)])).toBe(0);
    // A multi-buy offer sets no unit price: the price stays, the offer is still told.
    const multi = priceNow(lamp(4_999), undefined, [promo('second-half-price', 50)], IN_NOVEMBER);
    expect(multi).toMatchObject({ nowCents: 4_999, regularCents: 4_999, onSale: false });
    expect(multi.promotion?.id).toBe('p-second-half-price');
    expect(priceNow(lamp(4_999), undefined, [], IN_NOVEMBER)).toEqual({
      regularCents: 4_999,
      nowCents: 4_999,
      onSale: false,
      from: false,
    });
  });

  it('finds the promotion running for a product at a moment, end excluded', () => {
    const running = [promo('percent', 20)];
    expect(activePromotion(running, 'lamp', IN_NOVEMBER)?.id).toBe('p-percent');
    expect(activePromotion(running, 'lamp', new Date('2026-12-01T00:00:00Z'))).toBeUndefined();
    expect(activePromotion(running, 'sofa', IN_NOVEMBER)).toBeUndefined();
  });
});

describe('a sale from the feed', () => {
  const sale = {
    priceCents: 3_000,
    startsAt: '2026-11-10T08:00:00.000Z',
    endsAt: '2026-11-20T08:00:00.000Z',
  };
  const onSale = lamp(4_000, { sale });

  it('gives the price from its start, until its end (excluded)', () => {
    const at = (iso: string) => priceNow(onSale, undefined, [], new Date(iso));
    expect(at('2026-11-10T07:59:59.999Z')).toMatchObject({ nowCents: 4_000, onSale: false });
    expect(at('2026-11-10T08:00:00.000Z')).toEqual({
      regularCents: 4_000,
      nowCents: 3_000,
      onSale: true,
      saleEndsAt: sale.endsAt,
      from: false,
    });
    expect(at('2026-11-20T08:00:00.000Z')).toMatchObject({ nowCents: 4_000, onSale: false });
  });

  it('runs from always, or until further notice, when a bound is absent', () => {
    const noStart = lamp(4_000, { sale: { priceCents: 3_000, endsAt: sale.endsAt } });
    const noEnd = lamp(4_000, { sale: { priceCents: 3_000, startsAt: sale.startsAt } });
    expect(nowCents(noStart, [], new Date('2000-01-01T00:00:00Z'))).toBe(3_000);
    expect(nowCents(noStart, [], new Date('2026-11-21T00:00:00Z'))).toBe(4_000);
    expect(nowCents(noEnd, [], new Date('2026-11-01T00:00:00Z'))).toBe(4_000);
    const later = priceNow(noEnd, undefined, [], new Date('2099-01-01T00:00:00Z'));
    expect(later).toMatchObject({ nowCents: 3_000, onSale: true });
    expect(later.saleEndsAt).toBeUndefined();
  });

  it('does not add up with a promotion: the lower price wins, the beaten one is not shown', () => {
    const at = new Date('2026-11-15T00:00:00Z');
    // 20 % off 4,000 = 3,200: the sale's 3,000 is lower, and the promotion's label goes.
    const saleWins = priceNow(onSale, undefined, [promo('percent', 20)], at);
    expect(saleWins).toMatchObject({ nowCents: 3_000, onSale: true });
    expect(saleWins.promotion).toBeUndefined();
    // 40 % off = 2,400: the promotion is lower and is shown.
    const promoWins = priceNow(onSale, undefined, [promo('percent', 40)], at);
    expect(promoWins).toMatchObject({ nowCents: 2_400, onSale: false });
    expect(promoWins.promotion?.id).toBe('p-percent');
    // A multi-buy offer is told beside the sale price: it applies on top.
    const multi = priceNow(onSale, undefined, [promo('second-half-price', 50)], at);
    expect(multi).toMatchObject({ nowCents: 3_000, onSale: true });
    expect(multi.promotion?.id).toBe('p-second-half-price');
  });

  it('ignores a sale that is not below the price', () => {
    expect(nowCents(lamp(2_000, { sale: { priceCents: 2_500 } }), [])).toBe(2_000);
  });
});

describe('variants priced otherwise', () => {
  const tee: Priced = {
    id: 'tee',
    priceCents: 1_500,
    sale: { priceCents: 1_200 },
    variants: [
      { id: 'S' },
      { id: 'XL', priceCents: 1_800, sale: { priceCents: 1_400 } },
      { id: 'XXL', priceCents: 2_000, sale: null },
    ],
  };
  const variant = (id: string) => tee.variants.find((each) => each.id === id);

  it('says "from" the lowest price now when none is chosen', () => {
    expect(priceNow(tee, undefined, [], IN_NOVEMBER)).toEqual({
      regularCents: 1_500,
      nowCents: 1_200,
      onSale: true,
      from: true,
    });
  });

  it('gives the chosen variant its own price and sale, or none when it says null', () => {
    expect(priceNow(tee, variant('S'), [], IN_NOVEMBER)).toMatchObject({
      regularCents: 1_500,
      nowCents: 1_200,
      from: false,
    });
    expect(priceNow(tee, variant('XL'), [], IN_NOVEMBER)).toMatchObject({
      regularCents: 1_800,
      nowCents: 1_400,
      onSale: true,
    });
    expect(priceNow(tee, variant('XXL'), [], IN_NOVEMBER)).toMatchObject({
      regularCents: 2_000,
      nowCents: 2_000,
      onSale: false,
    });
  });

  it('is no "from" when every variant costs the same now', () => {
    const same: Priced = { ...tee, sale: undefined, variants: [{ id: 'S' }, { id: 'M' }] };
    expect(priceNow(same, undefined, [promo('percent', 10, 'tee')], IN_NOVEMBER)).toMatchObject({
      nowCents: 1_350,
      from: false,
    });
  });
});
