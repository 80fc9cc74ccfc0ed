import { describe, expect, it } from 'vitest';
import { missingKeys } from '@vitrine/shared/core';
import { signageMessages } from './signage-text';

describe('signage texts', () => {
  it('are complete in French and English', () => {
    expect(missingKeys(signageMessages)).toEqual([]);
  });
});
