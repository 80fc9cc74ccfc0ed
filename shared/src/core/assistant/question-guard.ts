// What a public screen must not keep or say back. Personal data typed into the
// box (an e-mail, a phone number, a payment card, an IBAN) is masked before a
// question goes into a transcript or a report; abuse and keyboard mashing get a
// fixed, polite answer and never an echo of what was typed.
// Each workspace that compiles this file needs the untyped package's declaration with it.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./french-badwords-list.d.ts" />
import { Profanity } from '@2toad/profanity';
import frenchBadWords from 'french-badwords-list';

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
 * English from @2toad/profanity; French from french-badwords-list (@2toad's own French list is a
 * machine translation that flags "pour" and "les"). Words that are also a shop's words are let
 * through: "sale" (a sale; "sale con" is still caught by "con"), "andouille" (a sausage), "balls".
 */
const SHOP_WORDS = new Set(['sale', 'andouille', 'balls', 'ball']);
const profanity = new Profanity({ languages: ['en'], wholeWord: true });
profanity.addWords(frenchBadWords.array.filter((word) => !SHOP_WORDS.has(word)));
profanity.removeWords([...SHOP_WORDS]);
/** Rows of QWERTY and AZERTY keyboards: four keys in a row is mashing, not a word. */
const KEY_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'azertyuiop', 'qsdfghjklm', 'wxcvbn'];
const VOWELS = /[aeiouyàâäéèêëîïôöùûü]/g;

function mashed(word: string): boolean {
  if (/(.)\1{3,}/u.test(word)) return true;
  for (let i = 0; i + 4 <= word.length; i++) {
    const run = word.slice(i, i + 4);
    if (KEY_ROWS.some((row) => row.includes(run))) return true;
  }
  const vowels = word.match(VOWELS)?.length ?? 0;
  return word.length >= 5 && vowels / word.length < 0.2 && !/\d/.test(word);
}

export type QuestionVerdict = 'ok' | 'abuse' | 'nonsense';

/** Whether a question is worth answering, insulting, or keyboard mashing with no word in it. */
export function screenQuestion(text: string): QuestionVerdict {
  if (profanity.exists(text)) return 'abuse';
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return 'nonsense';
  const letters = words.filter((word) => /\p{L}/u.test(word));
  if (letters.length === 0) return 'nonsense';
  return letters.every(mashed) ? 'nonsense' : 'ok';
}
