import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { optimisePerks } from './optimiser';
import { beats } from './perk-search';
import { basketTotals, combinationValue } from './perk-value';
import type { BasketLine, LoyaltyTier, Perk } from './programme';
import { DEFAULT_RULES } from './programme';
import { ineligibility, isValidCombination } from './rules';
import { explainDecision } from './explain';

const NOW = new Date('2026-11-23T12:00:00Z');
const later = '2027-01-01T00:00:00.000Z';
const label = { fr: 'x', en: 'x' };
const perk = (id: string, fields: Partial<Perk>): Perk => ({
  id,
  label,
  kind: 'percent',
  value: 10,
  minSpendCents: 0,
  stackable: false,
  expiresAt: later,
  tier: 'bronze',
  ...fields,
});
const line = (category: BasketLine['category'], euros: number, quantity = 1): BasketLine => ({
  productId: `p-${category}-${euros}`,
  category,
  unitPriceCents: euros * 100,
  quantity,
});

describe('optimisePerks', () => {
  it('takes the bigger of two non-stackable perks and says why the other was left', () => {
    const perks = [perk('ten', { value: 10 }), perk('fifteen', { value: 15 })];
    const result = optimisePerks({ perks, lines: [line('food', 100)], tier: 'bronze', now: NOW });
    expect(result.chosen).toEqual(['fifteen']);
    expect(result.value.discountCents).toBe(1500);
    const ten = result.decisions.find((d) => d.perkId === 'ten')!;
    expect(ten).toMatchObject({
      chosen: false,
      reason: { code: 'not-stackable', with: 'fifteen' },
    });
    expect(explainDecision(ten, 'en')).toMatch(/Cannot be combined with “fifteen”/);
  });

  it('stacks stackable perks, one per category, and refuses expired, tier and min-spend', () => {
    const perks = [
      perk('gold-15', { tier: 'gold', value: 15 }),
      perk('expired', { value: 50, expiresAt: '2026-11-20T00:00:00.000Z' }),
      perk('fashion-5', {
        kind: 'amount',
        value: 500,
        category: 'fashion',
        stackable: true,
        minSpendCents: 5000,
      }),
      perk('fashion-15', {
        kind: 'amount',
        value: 1500,
        category: 'fashion',
        stackable: true,
        minSpendCents: 8000,
      }),
      perk('tech-20', {
        kind: 'amount',
        value: 2000,
        category: 'electronics',
        stackable: true,
        minSpendCents: 40000,
      }),
      perk('double', { kind: 'points-multiplier', value: 2, stackable: true }),
      perk('ten', { value: 10 }),
    ];
    const lines = [line('fashion', 60), line('electronics', 30, 2)];
    const result = optimisePerks({ perks, lines, tier: 'silver', now: NOW });
    expect(result.chosen).toEqual(['double', 'fashion-5', 'ten']);
    // 10 % of €120 + €5 off fashion; double points on €120 = 120 bonus points.
    expect(result.value).toEqual({ discountCents: 1700, bonusPoints: 120, valueCents: 1820 });
    const reasons = Object.fromEntries(
      result.decisions.map((d) => [d.perkId, d.chosen ? 'chosen' : d.reason.code]),
    );
    expect(reasons).toEqual({
      'gold-15': 'tier',
      expired: 'expired',
      'fashion-5': 'chosen',
      'fashion-15': 'min-spend',
      'tech-20': 'min-spend',
      double: 'chosen',
      ten: 'chosen',
    });
  });

  it('never discounts more than the basket and skips what is already redeemed', () => {
    const perks = [
      perk('a', { kind: 'amount', value: 5000, stackable: true }),
      perk('b', { kind: 'amount', value: 4000, stackable: true }),
      perk('c', { value: 10, stackable: true }),
    ];
    const result = optimisePerks({
      perks,
      lines: [line('food', 60)],
      tier: 'bronze',
      now: NOW,
      redeemed: new Set(['c']),
    });
    expect(result.value.discountCents).toBe(6000);
    expect(result.chosen).toEqual(['a', 'b']);
    expect(result.decisions.find((d) => d.perkId === 'c')).toMatchObject({
      reason: { code: 'redeemed' },
    });
  });

  it('settles ties quickly when many perks exceed a small basket', () => {
    const perks = Array.from({ length: 30 }, (_, i) =>
      perk(`amount-${String(i).padStart(2, '0')}`, {
        kind: 'amount',
        value: 5000,
        stackable: true,
      }),
    );
    const result = optimisePerks({ perks, lines: [line('food', 80)], tier: 'bronze', now: NOW });
    // Two €50 perks cover €80: the fewest perks, the smallest ids.
    expect(result.chosen).toEqual(['amount-00', 'amount-01']);
    expect(result.value.discountCents).toBe(8000);
  });

  it('answers an empty basket with nothing chosen', () => {
    const result = optimisePerks({ perks: [perk('a', {})], lines: [], tier: 'gold', now: NOW });
    expect(result.chosen).toEqual([]);
    expect(result.value.valueCents).toBe(0);
  });
});

// Small random programmes, checked against trying every subset. Departments
// are the catalogue's own: any slugs, more than three, one named like an
// Object.prototype member (a plain object would read a function there).
const DEPARTMENTS = ['fashion', 'garden', 'hardware-tools', 'wine', 'constructor', 'toys'];
const arbPerk = (id: string) =>
  fc
    .record({
      kind: fc.constantFrom<Perk['kind'][]>('percent', 'amount', 'points-multiplier'),
      pct: fc.integer({ min: 1, max: 40 }),
      amount: fc.integer({ min: 100, max: 8000 }),
      multiplier: fc.integer({ min: 2, max: 4 }),
      category: fc.constantFrom<Perk['category'][]>(undefined, ...DEPARTMENTS),
      minSpendCents: fc.constantFrom(0, 0, 2000, 5000, 15000),
      stackable: fc.boolean(),
      expired: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
      tier: fc.constantFrom<LoyaltyTier[]>('bronze', 'silver', 'gold'),
    })
    .map((r): Perk =>
      perk(id, {
        kind: r.kind,
        value: r.kind === 'percent' ? r.pct : r.kind === 'amount' ? r.amount : r.multiplier,
        category: r.category,
        minSpendCents: r.minSpendCents,
        stackable: r.stackable,
        expiresAt: r.expired ? '2026-11-01T00:00:00.000Z' : later,
        tier: r.tier,
      }),
    );

const arbProgramme = fc
  .integer({ min: 0, max: 10 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbPerk(`perk-${i}`))));
const arbLines = fc
  .array(
    fc.record({
      category: fc.constantFrom<BasketLine['category'][]>(...DEPARTMENTS),
      euros: fc.integer({ min: 1, max: 300 }),
      quantity: fc.integer({ min: 1, max: 3 }),
    }),
    { maxLength: 8 },
  )
  .map((rows) => rows.map((r) => line(r.category, r.euros, r.quantity)));

function bruteForce(perks: Perk[], lines: BasketLine[], tier: LoyaltyTier, redeemed: Set<string>) {
  const totals = basketTotals(lines);
  const usable = perks.filter((p) => !ineligibility(p, { tier, now: NOW, redeemed, totals }));
  let best: { perks: Perk[]; value: number; key: string } | undefined;
  for (let mask = 0; mask < 1 << usable.length; mask++) {
    const subset = usable.filter((_, i) => mask & (1 << i));
    if (!isValidCombination(subset)) continue;
    const value = combinationValue(subset, totals, DEFAULT_RULES).valueCents;
    if (beats(value, subset, best)) {
      best = {
        perks: subset,
        value,
        key: subset
          .map((p) => p.id)
          .sort()
          .join('\u0000'),
      };
    }
  }
  return { chosen: (best?.perks ?? []).map((p) => p.id).sort(), value: best?.value ?? 0 };
}

describe('optimisePerks against brute force', () => {
  it('finds the same best combination on small programmes', () => {
    fc.assert(
      fc.property(
        arbProgramme,
        arbLines,
        fc.constantFrom<LoyaltyTier[]>('bronze', 'silver', 'gold'),
        fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 3 }),
        (perks, lines, tier, redeemedIndexes) => {
          const redeemed = new Set(redeemedIndexes.map((i) => `perk-${i}`));
          const result = optimisePerks({ perks, lines, tier, now: NOW, redeemed });
          const expected = bruteForce(perks, lines, tier, redeemed);
          expect(result.value.valueCents).toBe(expected.value);
          expect(result.chosen).toEqual(expected.chosen);
          expect(isValidCombination(perks.filter((p) => result.chosen.includes(p.id)))).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
