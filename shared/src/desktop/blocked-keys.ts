// Keyboard shortcuts a shopper could use to escape, inspect or disturb the app.
// Kiosk mode already hides the desktop; these are swallowed in the window too.
import type { KeyInput } from './staff-gesture';

const DEV_KEYS = new Set(['i', 'j', 'c']);

/** True when the key press must not reach Chromium. */
export function isBlockedShortcut(input: KeyInput, production: boolean): boolean {
  if (input.type !== 'keyDown' && input.type !== 'rawKeyDown') return false;
  const key = input.key.toLowerCase();
  const command = input.control || input.meta;

  const devTools =
    key === 'f12' ||
    (command && input.shift && DEV_KEYS.has(key)) ||
    (input.meta && input.alt && key === 'i');
  if (devTools) return production;

  if (key === 'f11' || key === 'f5' || key === 'f1') return true; // fullscreen toggle, reload, help
  if (input.alt && (key === 'f4' || key === 'arrowleft' || key === 'arrowright' || key === 'home'))
    return true;
  if (key === 'browserback' || key === 'browserforward' || key === 'browserrefresh') return true;
  if (!command) return false;
  // close, quit, reload, print, save, open, find, view source, new window/tab, zoom
  return [
    'w',
    'q',
    'r',
    'p',
    's',
    'o',
    'f',
    'g',
    'u',
    'n',
    't',
    'h',
    'j',
    '+',
    '=',
    '-',
    '0',
  ].includes(key);
}
