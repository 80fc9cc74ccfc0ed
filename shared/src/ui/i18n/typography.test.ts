// French typography in French, English in English, over every shopper text:
// French puts a narrow no-break space (U+202F) before ; ! ? and a no-break
// space (narrow or not) before :, English puts none.
import { describe, expect, it } from 'vitest';
import { callMessages } from '../call/call-text';
import { messages, type Lang } from './messages';

/** Every text a dictionary can produce: strings, nested strings, functions called with samples. */
function texts(value: unknown, path: string): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') {
    const fn = value as (...args: unknown[]) => unknown;
    return [0, 1, 3].flatMap((n) => texts(fn.length === 2 ? fn('Label', n) : fn(n), path));
  }
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, inner]) => texts(inner, `${path}.${key}`));
  return [];
}

function badPunctuation(text: string, lang: Lang): string | undefined {
  if (lang === 'en') return /\s[:;!?]/u.exec(text)?.[0];
  return /(?:^|[^\u202f\u00a0])[;!?]|(?:^|[^\u202f\u00a0]):/u.exec(text)?.[0];
}

describe('shopper texts follow each language’s typography', () => {
  for (const lang of ['fr', 'en'] as const) {
    it(`in ${lang}`, () => {
      const all = [...texts(messages[lang], 't'), ...texts(callMessages[lang], 'call')];
      const wrong = all
        .map(([path, text]) => [path, text, badPunctuation(text, lang)] as const)
        .filter(([, , bad]) => bad !== undefined)
        .map(([path, text]) => `${path}: ${JSON.stringify(text)}`);
      expect(wrong).toEqual([]);
    });
  }

  it('labels a value the way each language does', () => {
    expect(messages.fr.labelled('En stock ici', 3)).toBe('En stock ici\u202f: 3');
    expect(messages.en.labelled('In stock here', 3)).toBe('In stock here: 3');
  });
});
