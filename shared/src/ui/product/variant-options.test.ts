import { describe, expect, it } from 'vitest';
import { hasVariantChoice, type Product } from '../../core';
import {
  choiceOf,
  initialChoice,
  variantFor,
  variantName,
  variantOptions,
} from './variant-options';

const gtin = (n: number) => String(n).padStart(14, '0');
const colours = [
  { colour: 'Bordeaux', colourName: { fr: 'Bordeaux', en: 'Burgundy' }, swatch: '#6d1f2f' },
  { colour: 'Noir', colourName: { fr: 'Noir', en: 'Black' }, swatch: '#1f1f24' },
];
const jeans: Product = {
  id: 'jeans',
  gtin: gtin(1),
  name: { fr: 'Jean', en: 'Jeans' },
  brand: 'Arpège',
  department: 'fashion',
  categoryPath: [{ fr: 'Jeans', en: 'Jeans' }],
  description: { fr: '', en: '' },
  priceCents: 8_995,
  images: [],
  tags: [],
  complementary: [],
  // W26 and W27 in both colours, W28 in black only.
  variants: [
    { id: 'jeans-b26', gtin: gtin(10), size: 'W26', ...colours[0] },
    { id: 'jeans-b27', gtin: gtin(11), size: 'W27', ...colours[0] },
    { id: 'jeans-n26', gtin: gtin(20), size: 'W26', ...colours[1] },
    { id: 'jeans-n27', gtin: gtin(21), size: 'W27', ...colours[1] },
    { id: 'jeans-n28', gtin: gtin(22), size: 'W28', ...colours[1] },
  ],
  attributes: [],
};
const units: Record<string, number> = { 'jeans-b26': 0, 'jeans-b27': 2, 'jeans-n26': 5 };
const unitsOf = (g: string) => units[g] ?? 0;

describe('variant options', () => {
  it('offers each size once and each colour once, not every combination', () => {
    const { sizes, colours } = variantOptions(jeans, {}, unitsOf, 'fr');
    expect(sizes.map((o) => o.value)).toEqual(['W26', 'W27', 'W28']);
    expect(colours.map((o) => [o.label, o.swatch])).toEqual([
      ['Bordeaux', '#6d1f2f'],
      ['Noir', '#1f1f24'],
    ]);
    // With nothing chosen, a size's units are all its colours'.
    expect(sizes.map((o) => o.units)).toEqual([5, 2, 0]);
  });

  it('counts each option for what is chosen on the other axis', () => {
    const { sizes, colours } = variantOptions(jeans, { colour: 'Bordeaux' }, unitsOf, 'en');
    expect(sizes.map((o) => [o.value, o.units, o.exists])).toEqual([
      ['W26', 0, true],
      ['W27', 2, true],
      ['W28', 0, false],
    ]);
    expect(colours.map((o) => o.label)).toEqual(['Burgundy', 'Black']);
  });

  it('chooses the variant once a size and a colour are chosen', () => {
    expect(variantFor(jeans, { size: 'W27' })).toBeUndefined();
    expect(variantFor(jeans, { size: 'W27', colour: 'Noir' })?.id).toBe('jeans-n27');
    expect(variantFor(jeans, { size: 'W28', colour: 'Bordeaux' })).toBeUndefined();
    expect(variantName(jeans.variants[1]!, 'en')).toBe('W27 · Burgundy');
  });

  it('starts with an axis chosen when it has a single value', () => {
    const oneColour = { ...jeans, variants: jeans.variants.slice(2) };
    expect(initialChoice(oneColour)).toEqual({ colour: 'Noir' });
    expect(initialChoice(jeans)).toEqual({});
  });

  it('starts with a scanned variant chosen, and offers no choice for a product sold as one item', () => {
    expect(choiceOf(jeans, 'jeans-n27')).toEqual({ size: 'W27', colour: 'Noir' });
    expect(choiceOf(jeans, 'not-here')).toBeUndefined();
    expect(hasVariantChoice(jeans)).toBe(true);
    const oneItem = { ...jeans, variants: [{ id: 'jeans-1', gtin: gtin(1) }] };
    expect(hasVariantChoice(oneItem)).toBe(false);
  });
});
