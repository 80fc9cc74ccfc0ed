// A feed's item id as a variant id. Stock is keyed by variant id, so it must be
// a safe object key (catalogue.ts VariantId); Google allows any 50 characters
// ("SKU 12/B"). An id that is already safe is kept as it is; any other becomes
// "0~~" and the id with each unsafe byte written ~XX (UTF-8, upper-case hex).
// "~~" never occurs in a kept id or an escape, so it reads back exactly
// (feedIdOf) and an export gives the feed's own ids again.
import { VariantId } from '../catalogue';

const SAFE_CHAR = /[A-Za-z0-9._:-]/;
const ESCAPED = '0~~';
const KEPT_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

function escapeByte(byte: number): string {
  return `~${byte.toString(16).toUpperCase().padStart(2, '0')}`;
}

/** The variant id for a feed id, or undefined when even escaped it is over 64 characters. */
export function variantIdOf(feedId: string): string | undefined {
  // VariantId without "~": checked by a regex alone, as this runs for each of 5M inventory lines.
  if (KEPT_ID.test(feedId)) return feedId;
  let id = ESCAPED;
  for (const char of feedId) {
    id += SAFE_CHAR.test(char)
      ? char
      : [...new TextEncoder().encode(char)].map(escapeByte).join('');
  }
  return VariantId.safeParse(id).success ? id : undefined;
}

/** The feed id a variant id was made from (variantIdOf read back). */
export function feedIdOf(variantId: string): string {
  if (!variantId.startsWith(ESCAPED)) return variantId;
  const escaped = variantId.slice(ESCAPED.length);
  const bytes: number[] = [];
  for (let i = 0; i < escaped.length; i++) {
    if (escaped[i] === '~') {
      bytes.push(parseInt(escaped.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(escaped.charCodeAt(i));
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}
