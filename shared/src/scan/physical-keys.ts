// Keyboard-wedge scanners type a code as key presses through whatever layout
// the OS has: digits on a French AZERTY keyboard arrive as "&é\"'(-è_çà".
// Reading the physical key (`KeyboardEvent.code`) instead of the character
// gives the code the scanner meant, whatever the layout (scanners send US
// scan codes).

const PUNCTUATION: Record<string, [plain: string, shifted: string]> = {
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
  Space: [' ', ' '],
  NumpadDecimal: ['.', '.'],
  NumpadDivide: ['/', '/'],
  NumpadSubtract: ['-', '-'],
  NumpadAdd: ['+', '+'],
};

const SHIFTED_DIGITS = ')!@#$%^&*(';

/** The character a US-layout key produces, from its physical code; undefined for non-character keys. */
export function characterOfKey(code: string, shift: boolean): string | undefined {
  const digit = /^(?:Digit|Numpad)(\d)$/.exec(code);
  if (digit?.[1]) {
    return shift && code.startsWith('Digit') ? SHIFTED_DIGITS[Number(digit[1])] : digit[1];
  }
  const letter = /^Key([A-Z])$/.exec(code);
  if (letter?.[1]) return shift ? letter[1] : letter[1].toLowerCase();
  const punctuation = PUNCTUATION[code];
  return punctuation ? punctuation[shift ? 1 : 0] : undefined;
}
