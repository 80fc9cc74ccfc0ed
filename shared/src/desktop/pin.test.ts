import { describe, expect, it } from 'vitest';
import { hashPin, isValidPinHash, verifyPin } from './pin';

describe('staff PIN', () => {
  const stored = hashPin('482913');

  it('hashes to the documented format with a fresh salt each time', () => {
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/);
    expect(hashPin('482913')).not.toBe(stored);
    expect(isValidPinHash(stored)).toBe(true);
  });

  it('accepts the right PIN and refuses others', () => {
    expect(verifyPin('482913', stored)).toBe(true);
    expect(verifyPin('482914', stored)).toBe(false);
    expect(verifyPin('4829130', stored)).toBe(false);
    expect(verifyPin('', stored)).toBe(false);
    expect(verifyPin('48291a', stored)).toBe(false);
  });

  it('refuses PINs that are too short to be a guard', () => {
    expect(() => hashPin('1234')).toThrow(/6 to 12 digits/);
  });

  it('never throws on a damaged or hostile hash', () => {
    expect(verifyPin('482913', 'plain-482913')).toBe(false);
    expect(verifyPin('482913', stored.replace('16384', '16385'))).toBe(false);
    const huge = stored.replace('$16384$', `$${2 ** 24}$`);
    expect(isValidPinHash(huge)).toBe(false);
    expect(verifyPin('482913', huge)).toBe(false);
  });
});
