import {
  FaqEntry,
  Location,
  Look,
  Product,
  ProductReviews,
  ProductStock,
  Promotion,
  VariantId,
  isValidGtin,
  scanCodesOf,
} from '@vitrine/shared/core';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateDemoStore, type DemoStore } from './index';
import { LoyaltyMember, Perk, RemoteExpert } from './server-schemas';

const NOW = new Date('2025-06-15T10:00:00.000Z');
const ASSETS = fileURLToPath(new URL('../../../', import.meta.url));

let store: DemoStore;
let byId: Map<string, Product>;

beforeAll(() => {
  store = generateDemoStore({ now: NOW });
  byId = new Map(store.products.map((product) => [product.id, product]));
});

afterEach(() => {
  vi.useRealTimers();
});

describe('generateDemoStore', () => {
  it('gives byte-identical output for the same seed, whatever the wall clock says', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2031-01-01T00:00:00Z'));
    const again = generateDemoStore({ seed: 1, now: NOW });
    expect(JSON.stringify(again)).toBe(JSON.stringify(store));
  });

  it('gives a different store for a different seed', () => {
    const other = generateDemoStore({ seed: 2, now: NOW });
    expect(JSON.stringify(other.products)).not.toBe(JSON.stringify(store.products));
    expect(JSON.stringify(other.reviews)).not.toBe(JSON.stringify(store.reviews));
  });

  it('has the promised counts at the default scale', () => {
    expect(store.products).toHaveLength(2_000);
    const reviewCount = store.reviews.reduce((sum, doc) => sum + doc.reviews.length, 0);
    expect(reviewCount).toBeGreaterThanOrEqual(5_000);
    expect(store.locations.filter((l) => l.kind === 'store')).toHaveLength(5);
    expect(store.locations.filter((l) => l.kind === 'online')).toHaveLength(1);
    expect(store.promotions.length).toBeGreaterThanOrEqual(24);
    expect(store.faq.length).toBeGreaterThanOrEqual(15);
    expect(store.looks.length).toBeGreaterThan(0);
    expect(store.members.length).toBeGreaterThan(0);
    expect(store.perks.length).toBeGreaterThan(0);
    expect(store.experts.length).toBeGreaterThan(0);
    for (const department of ['fashion', 'food', 'electronics'] as const) {
      expect(store.products.filter((p) => p.department === department).length).toBeGreaterThan(300);
    }
    expect(store.products.filter((p) => p.department === 'wine').length).toBeGreaterThan(30);
  });

  it('produces documents that parse with the shared schemas', () => {
    const check = (schema: { safeParse(v: unknown): { success: boolean } }, docs: unknown[]) => {
      const bad = docs.filter((doc) => !schema.safeParse(doc).success);
      expect(bad.slice(0, 1)).toEqual([]);
    };
    check(Product, store.products);
    check(ProductStock, store.stock);
    check(ProductReviews, store.reviews);
    check(Promotion, store.promotions);
    check(FaqEntry, store.faq);
    check(Location, store.locations);
    check(Look, store.looks);
    check(LoyaltyMember, store.members);
    check(Perk, store.perks);
    check(RemoteExpert, store.experts);
  });

  it('gives every product and variant a valid GTIN, unique across the catalogue', () => {
    // A product sold as one item has one variant with the product's own GTIN.
    const gtins = store.products.flatMap((p) => scanCodesOf(p));
    expect(gtins.filter((gtin) => !/^0376\d{10}$/.test(gtin) || !isValidGtin(gtin))).toEqual([]);
    expect(new Set(gtins).size).toBe(gtins.length);
    expect(store.products.every((p) => p.variants.every((v) => v.gtin !== undefined))).toBe(true);
    expect(store.products.some((p) => p.variants.length > 1)).toBe(true);
  });

  it('gives every variant an id unique across the catalogue (the same seed, the same ids: above)', () => {
    const ids = store.products.flatMap((p) => p.variants.map((v) => v.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !VariantId.safeParse(id).success)).toEqual([]);
  });

  it('links only to products that exist', () => {
    const missing = (ids: readonly string[]) => ids.filter((id) => !byId.has(id));
    for (const product of store.products) {
      expect(missing(product.complementary)).toEqual([]);
      expect(product.complementary).not.toContain(product.id);
      expect(missing(product.food?.pairings ?? [])).toEqual([]);
    }
    for (const look of store.looks) {
      expect(look.productIds.length).toBeGreaterThanOrEqual(3);
      expect(look.productIds.length).toBeLessThanOrEqual(4);
      expect(new Set(look.productIds).size).toBe(look.productIds.length);
      expect(look.productIds.every((id) => byId.get(id)?.department === 'fashion')).toBe(true);
    }
    for (const promotion of store.promotions) expect(missing(promotion.productIds)).toEqual([]);
    expect(missing(store.stock.map((s) => s.id))).toEqual([]);
    expect(missing(store.reviews.map((r) => r.id))).toEqual([]);
    const foods = store.products.filter((p) => p.food);
    expect(foods.filter((p) => (p.food?.pairings?.length ?? 0) > 0).length).toBeGreaterThan(
      foods.length * 0.9,
    );
    const devices = store.products.filter((p) => p.tags.includes('device'));
    expect(devices.filter((p) => p.complementary.length > 0).length).toBeGreaterThan(
      devices.length * 0.9,
    );
  });

  it('writes French and English texts', () => {
    for (const product of store.products) {
      expect(product.name.fr.length).toBeGreaterThan(3);
      expect(product.name.en.length).toBeGreaterThan(3);
      expect(product.description.fr).not.toBe(product.description.en);
    }
    const translatedNames = store.products.filter((p) => p.name.fr !== p.name.en);
    expect(translatedNames.length).toBeGreaterThan(store.products.length * 0.8);
    const langs = new Set(store.reviews.flatMap((doc) => doc.reviews.map((r) => r.lang)));
    expect([...langs].sort()).toEqual(['en', 'fr']);
    for (const entry of store.faq) expect(entry.question.fr).not.toBe(entry.question.en);
  });

  it('keeps stock per variant id with aisles in stores, some sold out, some products without stock', () => {
    const locationIds = store.locations.map((l) => l.id);
    for (const doc of store.stock) {
      const product = byId.get(doc.id);
      const variantIds = product?.variants.map((v) => v.id) ?? [];
      expect(doc.levels.map((l) => l.locationId)).toEqual(locationIds);
      for (const level of doc.levels) {
        expect(Object.getPrototypeOf(level.quantities)).toBe(Object.prototype);
        expect(Object.keys(level.quantities).sort()).toEqual([...variantIds].sort());
        if (level.locationId === 'online') expect(level.aisle).toBeUndefined();
        else expect(level.aisle).toMatch(/^\d+ · [A-F]$/);
      }
    }
    expect(store.stock.length).toBeLessThan(store.products.length);
    const zero = store.stock
      .flatMap((d) => d.levels)
      .filter((l) => Object.values(l.quantities).every((q) => q === 0));
    expect(zero.length).toBeGreaterThan(0);
  });

  it('summarises reviews consistently, and leaves some products unreviewed', () => {
    for (const doc of store.reviews) {
      expect(doc.count).toBe(doc.reviews.length);
      expect(doc.histogram.reduce((a, b) => a + b, 0)).toBe(doc.count);
      const mean = doc.reviews.reduce((sum, r) => sum + r.rating, 0) / doc.count;
      expect(doc.average).toBeCloseTo(mean, 2);
      expect(doc.reviews.every((r) => r.date < NOW.toISOString())).toBe(true);
    }
    expect(store.reviews.length).toBeLessThan(store.products.length);
  });

  it('dates promotions from `now`: some running, some to come', () => {
    const now = NOW.toISOString();
    const running = store.promotions.filter((p) => p.startsAt <= now && now < p.endsAt);
    const coming = store.promotions.filter((p) => p.startsAt > now);
    expect(running.length + coming.length).toBe(store.promotions.length);
    expect(running.length).toBeGreaterThan(0);
    expect(coming.length).toBeGreaterThan(0);
  });

  it('points images at the media route and 3D models at committed files', () => {
    for (const product of store.products) {
      expect(product.images.length).toBeGreaterThanOrEqual(1);
      expect(product.images.length).toBeLessThanOrEqual(2);
      product.images.forEach((url, i) =>
        expect(url).toBe(`/media/products/${product.id}-${i + 1}.svg`),
      );
    }
    const models = new Set(store.products.flatMap((p) => p.model3d ?? []));
    expect(models.size).toBeGreaterThan(0);
    for (const model of models) {
      expect(model).toMatch(/^\/assets\/models\/[a-z0-9-]+\.gltf$/);
      expect(existsSync(`${ASSETS}${model.slice(1)}`)).toBe(true);
    }
  });

  it('generates 20,000 products in reasonable time', () => {
    const started = performance.now();
    const large = generateDemoStore({ scale: 20_000, now: NOW });
    const seconds = (performance.now() - started) / 1000;
    const reviews = large.reviews.reduce((sum, doc) => sum + doc.count, 0);
    console.log(`demo store at 20k: ${seconds.toFixed(2)} s, ${reviews} reviews`);
    expect(large.products).toHaveLength(20_000);
    // An order-of-magnitude guard, not a benchmark: on a quiet 2-core machine this
    // takes about 1.3 s, and CI runs it beside Chromium suites (11 s seen under load).
    expect(seconds).toBeLessThan(30);
  });
});
