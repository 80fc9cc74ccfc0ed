import { describe, expect, it } from 'vitest';
import { characterOfKey, readWedgeKeys } from './physical-keys';

describe('characterOfKey', () => {
  it('reads the digit row on QWERTY and AZERTY', () => {
    expect(characterOfKey('Digit1', false, 'us')).toBe('1');
    expect(characterOfKey('Digit1', true, 'us')).toBe('!');
    expect(characterOfKey('Digit1', false, 'fr')).toBe('&');
    expect(characterOfKey('Digit1', true, 'fr')).toBe('1');
    expect(characterOfKey('Numpad7', false, 'fr')).toBe('7');
  });

  it('moves the letters AZERTY moves', () => {
    expect(characterOfKey('KeyQ', true, 'fr')).toBe('A');
    expect(characterOfKey('Semicolon', false, 'fr')).toBe('m');
    expect(characterOfKey('KeyQ', true, 'us')).toBe('Q');
    expect(characterOfKey('Enter', false, 'us')).toBeUndefined();
  });
});

describe('readWedgeKeys', () => {
  it('takes the layout the OS agrees with first', () => {
    // "A1" from an AZERTY scanner on an AZERTY PC: Shift+KeyQ, Shift+Digit1.
    const keys = [
      { code: 'KeyQ', shift: true, key: 'A' },
      { code: 'Digit1', shift: true, key: '1' },
    ];
    expect(readWedgeKeys(keys)).toEqual({ ok: true, text: 'A1', layout: 'fr' });
  });

  it('keeps symbols only when scanner and PC agree on them', () => {
    const dash = [
      { code: 'KeyA', shift: true, key: 'A' },
      { code: 'Minus', shift: false, key: '-' },
    ];
    expect(readWedgeKeys(dash)).toEqual({ ok: true, text: 'A-', layout: 'us' });
    expect(readWedgeKeys([{ code: 'Minus', shift: false, key: '°' }])).toEqual({
      ok: false,
      typed: '°',
    });
  });
});
