import { describe, expect, it } from 'vitest';
import { isBlockedShortcut } from './blocked-keys';

const key = (
  k: string,
  mods: Partial<{ control: boolean; alt: boolean; shift: boolean; meta: boolean }> = {},
) => ({
  type: 'keyDown',
  key: k,
  control: false,
  alt: false,
  shift: false,
  meta: false,
  ...mods,
});

describe('isBlockedShortcut', () => {
  it('blocks dev tools in production only', () => {
    for (const input of [
      key('F12'),
      key('I', { control: true, shift: true }),
      key('i', { meta: true, alt: true }),
    ]) {
      expect(isBlockedShortcut(input, true)).toBe(true);
      expect(isBlockedShortcut(input, false)).toBe(false);
    }
  });

  it('blocks ways out and ways to disturb the page, always', () => {
    for (const input of [
      key('F4', { alt: true }),
      key('w', { control: true }),
      key('q', { meta: true }),
      key('r', { control: true }),
      key('R', { control: true, shift: true }),
      key('F5'),
      key('F11'),
      key('p', { control: true }),
      key('u', { control: true }),
      key('=', { control: true }),
      key('-', { control: true }),
      key('0', { control: true }),
      key('ArrowLeft', { alt: true }),
      key('BrowserBack'),
    ]) {
      expect(isBlockedShortcut(input, false), JSON.stringify(input)).toBe(true);
    }
  });

  it('lets ordinary typing and editing through', () => {
    for (const input of [
      key('a'),
      key('A', { shift: true }),
      key('Enter'),
      key('Backspace'),
      key('c', { control: true }),
      key('v', { control: true }),
      key('a', { control: true }),
      key('z', { control: true }),
      key('ArrowLeft'),
    ]) {
      expect(isBlockedShortcut(input, true), JSON.stringify(input)).toBe(false);
    }
  });

  it('only looks at key downs', () => {
    expect(isBlockedShortcut({ ...key('F4', { alt: true }), type: 'keyUp' }, true)).toBe(false);
  });
});
