import { describe, expect, it } from 'vitest';
import { ALLERGEN_CODES, allergenTag, readAllergenTag } from './allergens';

describe('allergen tags', () => {
  it('reads Open Food Facts tags and bare keys as the same fourteen codes', () => {
    expect(ALLERGEN_CODES).toHaveLength(14);
    for (const code of ALLERGEN_CODES) expect(readAllergenTag(allergenTag(code))).toEqual({ code });
    expect(readAllergenTag('en:sulphur-dioxide-and-sulphites')).toEqual({
      code: 'sulphur-dioxide-and-sulphites',
    });
    expect(readAllergenTag('sulphites')).toEqual({ code: 'sulphur-dioxide-and-sulphites' });
    expect(readAllergenTag('soy')).toEqual({ code: 'soybeans' });
    expect(readAllergenTag(' EN:Sesame ')).toEqual({ code: 'sesame-seeds' });
  });

  it('turns an unknown tag into readable words rather than a raw tag', () => {
    expect(readAllergenTag('fr:moutarde-de-dijon')).toEqual({
      code: undefined,
      label: 'moutarde de dijon',
    });
    expect(readAllergenTag('en:pine_nuts')).toEqual({ code: undefined, label: 'pine nuts' });
  });
});
