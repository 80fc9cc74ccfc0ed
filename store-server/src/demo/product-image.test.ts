import type { Product } from '@vitrine/shared/core';
import { describe, expect, it } from 'vitest';
import { generateDemoStore } from './index';
import { subSlugOf } from './subcategories';
import { renderProductImage, wrapText } from './product-image';

const store = generateDemoStore({ scale: 300, now: new Date('2025-06-15T10:00:00Z') });
const first = store.products[0] as Product;

/** Every "&" starts an entity, every tag that opens is closed: enough to catch broken markup. */
function expectWellFormed(svg: string): void {
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  expect(svg.endsWith('</svg>')).toBe(true);
  expect(svg).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
  const opened = svg.match(/<(svg|g|style|text)\b/g)?.length ?? 0;
  const closed = svg.match(/<\/(svg|g|style|text)>/g)?.length ?? 0;
  expect(opened).toBe(closed);
}

describe('renderProductImage', () => {
  it('draws a deterministic card for every subcategory', () => {
    const seen = new Set<string>();
    for (const product of store.products) {
      const slug = subSlugOf(product);
      if (seen.has(slug)) continue;
      seen.add(slug);
      const svg = renderProductImage(product, 1);
      expectWellFormed(svg);
      expect(svg).toBe(renderProductImage(structuredClone(product), 1));
      expect(svg).toMatch(/<path|<rect|<circle|<ellipse/);
    }
    expect(seen.size).toBeGreaterThan(30);
  });

  it('escapes brands and names', () => {
    const product: Product = {
      ...first,
      brand: 'Odette & Jules',
      name: { fr: 'Robe <midi>', en: 'x' },
    };
    const svg = renderProductImage(product, 1);
    expectWellFormed(svg);
    expect(svg).toContain('Odette &amp; Jules');
    expect(svg).toContain('Robe &lt;midi&gt;');
  });

  it('makes the second image a different view', () => {
    expect(renderProductImage(first, 2)).not.toBe(renderProductImage(first, 1));
    expectWellFormed(renderProductImage(first, 2));
  });

  it('renders from an id alone, and from an unknown id', () => {
    expectWellFormed(renderProductImage('cheese-000042', 1));
    expect(renderProductImage('cheese-000042', 1)).toContain('Fromages');
    expectWellFormed(renderProductImage('nothing-here', 1));
  });
});

describe('wrapText', () => {
  it('wraps at word boundaries and ellipsises past the last line', () => {
    expect(wrapText('Robe portefeuille en lin', 12, 3)).toEqual(['Robe', 'portefeuille', 'en lin']);
    expect(wrapText('a b c d e f', 3, 2)).toEqual(['a b', 'c d…']);
  });
});
