import { describe, expect, it } from 'vitest';
import type { Promotion } from './catalogue';
import { activePromotion, promotedPriceCents } from './pricing';

const promo = (kind: Promotion['kind'], value: number): Promotion => ({
  id: `p-${kind}`,
  productIds: ['lamp'],
  kind,
  value,
  label: { fr: 'Promo', en: 'Deal' },
  startsAt: '2026-11-01T00:00:00.000Z',
  endsAt: '2026-12-01T00:00:00.000Z',
});

describe('pricing', () => {
  it('takes percent off, and an amount in cents, never below zero', () => {
    expect(promotedPriceCents({ priceCents: 4_999 }, promo('percent', 20))).toBe(3_999);
    expect(promotedPriceCents({ priceCents: 4_999 }, promo('amount', 500))).toBe(4_499);
    expect(promotedPriceCents({ priceCents: 300 }, promo('amount', 500))).toBe(0);
    expect(promotedPriceCents({ priceCents: 4_999 }, promo('second-half-price', 50))).toBe(
      undefined,
    );
    expect(promotedPriceCents({ priceCents: 4_999 }, undefined)).toBe(undefined);
  });

  it('finds the promotion running for a product at a moment, end excluded', () => {
    const running = [promo('percent', 20)];
    expect(activePromotion(running, 'lamp', new Date('2026-11-23T07:00:00Z'))?.id).toBe(
      'p-percent',
    );
    expect(activePromotion(running, 'lamp', new Date('2026-12-01T00:00:00Z'))).toBeUndefined();
    expect(activePromotion(running, 'sofa', new Date('2026-11-23T07:00:00Z'))).toBeUndefined();
  });
});
