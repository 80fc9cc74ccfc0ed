// The campaign editor's words exist in both languages (types check the shape; this also
// catches a dictionary cast or built at run time).
import { describe, expect, it } from 'vitest';
import { missingKeys } from '../core';
import { editorMessages } from './editor-messages';

describe('the campaign editor’s text', () => {
  it('is complete in French and English', () => {
    expect(missingKeys(editorMessages)).toEqual([]);
  });
});
