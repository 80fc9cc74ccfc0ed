// The mirror's own strings keep each language's typography, as the shared
// ones do (shared/src/ui/i18n/typography.test.ts): French puts a no-break
// space before : ; ! ?, English none.
import { describe, expect, it } from 'vitest';
import { missingKeys } from '@vitrine/shared/core';
import { mirrorMessages } from './mirror-messages';

/** Every text of a dictionary: strings, nested ones, and functions called with a sample. */
function allTexts(dictionary: object): string[] {
  return Object.values(dictionary).flatMap((value: unknown): string[] => {
    if (typeof value === 'string') return [value];
    if (typeof value === 'function') return [String((value as (x: unknown) => unknown)(3))];
    return value && typeof value === 'object' ? allTexts(value) : [];
  });
}

describe('mirror texts', () => {
  it('put a no-break space before : ; ! ? in French', () => {
    const wrong = allTexts(mirrorMessages.fr).filter((text) =>
      /(?:^|[^\u202f\u00a0])[:;!?]/u.test(text),
    );
    expect(wrong).toEqual([]);
  });

  it('put no space before : ; ! ? in English', () => {
    expect(allTexts(mirrorMessages.en).filter((text) => /\s[:;!?]/u.test(text))).toEqual([]);
  });

  it('are complete in French and English', () => {
    expect(missingKeys(mirrorMessages)).toEqual([]);
  });

  it('count stock by each language’s rules', () => {
    expect(mirrorMessages.fr.inStock(0)).toBe('épuisé ici');
    expect(mirrorMessages.en.inStock(2)).toBe('2 in stock');
  });
});
