import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VariantId } from '../catalogue';
import { feedIdOf, variantIdOf } from './variant-key';

describe('variantIdOf', () => {
  it('keeps a safe id as it is', () => {
    expect(variantIdOf('SKU-123.b')).toBe('SKU-123.b');
    expect(feedIdOf('SKU-123.b')).toBe('SKU-123.b');
  });

  it('escapes spaces, slashes, quotes, accents and a bad first character, and reads them back', () => {
    for (const feedId of ['SKU 12/B', ' a', '0 a', '__proto__', 'é', 'a~b', '"x"']) {
      const id = variantIdOf(feedId)!;
      expect(VariantId.safeParse(id).success).toBe(true);
      expect(feedIdOf(id)).toBe(feedId);
    }
    expect(variantIdOf('SKU 12/B')).toBe('0~~SKU~2012~2FB');
  });

  it('refuses an id too long once escaped', () => {
    expect(variantIdOf('é'.repeat(40))).toBeUndefined();
  });

  it('is one-to-one on any feed id it takes', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 50 }),
        fc.string({ minLength: 1, maxLength: 50 }),
        (a, b) => {
          const idA = variantIdOf(a);
          const idB = variantIdOf(b);
          if (idA === undefined || idB === undefined) return;
          expect(VariantId.safeParse(idA).success).toBe(true);
          expect(feedIdOf(idA)).toBe(a);
          if (a !== b) expect(idA).not.toBe(idB);
        },
      ),
    );
  });
});
