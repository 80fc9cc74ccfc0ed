// Each language has every key of the shopper screens' shared words and the call UI's.
import { describe, expect, it } from 'vitest';
import { missingKeys } from '../../core/i18n';
import { callMessages } from '../call/call-text';
import { ALLERGEN_NAMES } from './allergen-names';
import { messages } from './messages';

describe('shared shopper texts are complete in French and English', () => {
  it.each([
    ['messages', messages],
    ['call', callMessages],
    ['allergen names', ALLERGEN_NAMES],
  ] as const)('%s', (_name, module) => {
    expect(missingKeys(module)).toEqual([]);
  });
});
