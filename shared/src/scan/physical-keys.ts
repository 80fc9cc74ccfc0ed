// Keyboard-wedge scanners type a code as key presses in the layout they are
// configured for, and the OS turns them into characters through its own
// layout. When the two agree (a French scanner on a French PC), the character
// (`KeyboardEvent.key`) is right; when they differ (a US scanner on a French
// PC, which types "&é\"'(" for "12345"), only the physical key
// (`KeyboardEvent.code`) read through the scanner's layout is. So a scan is
// read through each layout we know, and the OS's characters tell which one the
// scanner and PC share.

export type WedgeLayout = 'us' | 'fr';
export const WEDGE_LAYOUTS: readonly WedgeLayout[] = ['us', 'fr'];

type Keymap = Record<string, readonly [plain: string, shifted: string]>;

const NUMPAD: Keymap = {
  NumpadDecimal: ['.', '.'],
  NumpadDivide: ['/', '/'],
  NumpadMultiply: ['*', '*'],
  NumpadSubtract: ['-', '-'],
  NumpadAdd: ['+', '+'],
};

const US: Keymap = {
  ...NUMPAD,
  Minus: ['-', '_'],
  Equal: ['=', '+'],
  Period: ['.', '>'],
  Comma: [',', '<'],
  Slash: ['/', '?'],
  Semicolon: [';', ':'],
  Quote: ["'", '"'],
  BracketLeft: ['[', '{'],
  BracketRight: [']', '}'],
  Backslash: ['\\', '|'],
  Backquote: ['`', '~'],
  Space: [' ', ' '],
};
const US_SHIFTED_DIGITS = ')!@#$%^&*(';

// French AZERTY: digits need Shift; A/Q, Z/W swap; M sits where US has ";".
const FR: Keymap = {
  ...NUMPAD,
  Minus: [')', '°'],
  Equal: ['=', '+'],
  Period: [':', '/'],
  Comma: [';', '.'],
  Slash: ['!', '§'],
  Semicolon: ['m', 'M'],
  KeyM: [',', '?'],
  KeyQ: ['a', 'A'],
  KeyA: ['q', 'Q'],
  KeyW: ['z', 'Z'],
  KeyZ: ['w', 'W'],
  Quote: ['ù', '%'],
  BracketRight: ['$', '£'],
  Backslash: ['*', 'µ'],
  Space: [' ', ' '],
};
const FR_PLAIN_DIGITS = 'à&é"\'(-è_ç';

/** The character a key gives in `layout`, from its physical code; undefined for non-character keys. */
export function characterOfKey(
  code: string,
  shift: boolean,
  layout: WedgeLayout = 'us',
): string | undefined {
  const digit = /^(Digit|Numpad)(\d)$/.exec(code);
  if (digit?.[2]) {
    const n = Number(digit[2]);
    if (digit[1] === 'Numpad') return digit[2];
    if (layout === 'fr') return shift ? digit[2] : FR_PLAIN_DIGITS[n];
    return shift ? US_SHIFTED_DIGITS[n] : digit[2];
  }
  const keymap = layout === 'fr' ? FR : US;
  const mapped = keymap[code];
  if (mapped) return mapped[shift ? 1 : 0];
  const letter = /^Key([A-Z])$/.exec(code);
  if (letter?.[1]) return shift ? letter[1] : letter[1].toLowerCase();
  return undefined;
}

/** One key press of a scan: its physical key, Shift, and the character the OS made of it. */
export type WedgeKey = { code: string; shift: boolean; key: string };

export type WedgeReading =
  { ok: true; text: string; layout: WedgeLayout } | { ok: false; typed: string };

const CODE_TEXT = /^[0-9A-Za-z]+$/;

/**
 * The text a scanner meant, or failure when no layout we know reads it as a
 * code: guessing would risk a wrong product. With `layout` fixed by the
 * kiosk's settings only that layout is tried.
 */
export function readWedgeKeys(keys: readonly WedgeKey[], layout?: WedgeLayout): WedgeReading {
  const typed = keys.map((k) => k.key).join('');
  const readings = (layout ? [layout] : WEDGE_LAYOUTS).flatMap((candidate) => {
    const chars = keys.map((k) => characterOfKey(k.code, k.shift, candidate));
    if (chars.some((c) => c === undefined)) return [];
    return [{ layout: candidate, text: chars.join(''), sameAsOs: chars.join('') === typed }];
  });
  // A layout the OS agrees with comes first: scanner and PC set up alike.
  readings.sort((a, b) => Number(b.sameAsOs) - Number(a.sameAsOs));
  const chosen =
    readings.find((r) => CODE_TEXT.test(r.text)) ??
    readings.find((r) => r.sameAsOs && r.text.trim() === r.text);
  return chosen ? { ok: true, text: chosen.text, layout: chosen.layout } : { ok: false, typed };
}
