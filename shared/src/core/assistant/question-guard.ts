// What a public screen must not keep or say back. Personal data typed into the
// box (an e-mail, a phone number, a payment card, an IBAN) is masked before a
// question goes into a transcript or a report; abuse and keyboard mashing get a
// fixed, polite answer and never an echo of what was typed.
// Each workspace that compiles this file needs the untyped package's declaration with it.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./bad-word-lists.d.ts" />
// The lists' array files alone: their index also loads the same words as an object and a regexp.
import englishBadWords from 'badwords-list/lib/array';
import frenchBadWords from 'french-badwords-list/dist/array';

export const MASKS = { email: '[e-mail]', phone: '[phone]', card: '[card]', iban: '[iban]' };

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;
const IBAN = /\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?\b/gi;
/** Runs of digits with spaces, dots, dashes or brackets between them, with an optional +. */
const DIGIT_RUN = /\+?\d[\d\s.()-]{6,}\d/g;

/** The Luhn check every payment card number passes (and few other numbers do). */
function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** The question with e-mails, phone numbers, card numbers and IBANs replaced by a mark. */
export function maskPersonalData(text: string): string {
  return text
    .replace(EMAIL, MASKS.email)
    .replace(IBAN, (match) => (/\d{6}/.test(match.replace(/\s/g, '')) ? MASKS.iban : match))
    .replace(DIGIT_RUN, (match) => {
      const digits = match.replace(/\D/g, '');
      if (digits.length >= 13 && digits.length <= 19 && luhn(digits)) return MASKS.card;
      // 8 to 15 digits: a phone number as people write it (a price or a size has fewer).
      if (digits.length >= 8 && digits.length <= 15) return MASKS.phone;
      if (digits.length > 15) return MASKS.card;
      return match;
    });
}

/**
 * Insults in English (badwords-list) and French (french-badwords-list, its fork), leetspeak
 * spellings included, matched as whole words or phrases of up to three. Words that are also a
 * shop's words, or mild, are let through: "sale" (a sale; "sale con" is still caught by "con"),
 * "andouille" (a sausage), "balls", "hell", "damn", "bloody", "cock".
 */
const LET_THROUGH = new Set([
  'sale',
  'andouille',
  'balls',
  'ball',
  'hell',
  'damn',
  'bloody',
  'cock',
]);
const INSULTS = new Set(
  [...englishBadWords, ...frenchBadWords]
    .map((word) => word.toLowerCase())
    .filter((word) => !LET_THROUGH.has(word)),
);
/** Between words: spaces and punctuation, not the characters leetspeak spells with (@ ! $ 0-9). */
const BETWEEN_WORDS = /[\s.,;:?¿¡"'’()«»[\]{}]+/u;
const MAX_PHRASE = 3;

function insults(text: string): boolean {
  const words = text
    .toLowerCase()
    .split(BETWEEN_WORDS)
    .filter((word) => word.length > 0);
  for (let i = 0; i < words.length; i++)
    for (let length = 1; length <= MAX_PHRASE && i + length <= words.length; length++)
      if (INSULTS.has(words.slice(i, i + length).join(' '))) return true;
  return false;
}

/** Rows of QWERTY and AZERTY keyboards: four keys in a row is mashing, not a word. */
const KEY_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'azertyuiop', 'qsdfghjklm', 'wxcvbn'];
const VOWELS = /[aeiouyàâäéèêëîïôöùûü]/g;

function mashed(word: string): boolean {
  if (/(.)\1{3,}/u.test(word)) return true;
  for (let i = 0; i + 4 <= word.length; i++) {
    const run = word.slice(i, i + 4);
    if (KEY_ROWS.some((row) => row.includes(run))) return true;
  }
  // No vowel at all in five letters or more ("thanks" has one; "qxzkt" none).
  const vowels = word.match(VOWELS)?.length ?? 0;
  return word.length >= 5 && vowels === 0 && !/\d/.test(word);
}

export type QuestionVerdict = 'ok' | 'abuse' | 'nonsense';

/** Whether a question is worth answering, insulting, or keyboard mashing with no word in it. */
export function screenQuestion(text: string): QuestionVerdict {
  if (insults(text)) return 'abuse';
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return 'nonsense';
  const letters = words.filter((word) => /\p{L}/u.test(word));
  if (letters.length === 0) return 'nonsense';
  return letters.every(mashed) ? 'nonsense' : 'ok';
}
