import { describe, expect, it } from 'vitest';
import { makeI18n } from './i18n';

describe('dates in the session’s language', () => {
  it('writes a day the British way in English, not the American way', () => {
    expect(makeI18n('en').date('2026-11-17')).toBe('17/11/2026');
    expect(makeI18n('fr').date('2026-11-17')).toBe('17/11/2026');
  });
});
