// Head office's console speaks French and English completely, and says a store list the way
// each language does.
import { describe, expect, it } from 'vitest';
import { missingKeys } from '@vitrine/shared/core';
import { messages } from './messages';

describe('head office console text', () => {
  it('is complete in French and English', () => {
    expect(missingKeys(messages)).toEqual([]);
  });

  it('names one store, or counts several', () => {
    expect(messages.fr.storesList(['lyon'])).toBe('le magasin lyon');
    expect(messages.fr.storesList(['lyon', 'nantes'])).toBe('2 magasins');
    expect(messages.en.storesList(['lyon'])).toBe('store lyon');
    expect(messages.en.storesList(['lyon', 'nantes'])).toBe('2 stores');
    expect(messages.fr.storesCount(1)).toBe('1 magasin');
  });
});
