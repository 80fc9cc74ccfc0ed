import { describe, expect, it } from 'vitest';
import { parseGtin } from './fields';
import { lineReport, ReportEntry } from './line-report';
import {
  entryText,
  REPORT_CODES,
  reportMessage,
  reportText,
  type ReportLang,
} from './report-messages';

describe('report messages', () => {
  it('gives every code a French and an English text that differ where there are words', () => {
    expect(REPORT_CODES.length).toBeGreaterThan(40);
    for (const code of REPORT_CODES) {
      const texts = Object.fromEntries(
        (['en', 'fr'] as ReportLang[]).map((lang) => [
          lang,
          reportText({ code, params: { text: 'x' } }, lang),
        ]),
      );
      expect(texts.en, code).toMatch(/\S/);
      expect(texts.fr, code).toMatch(/\S/);
      // 'text' passes a foreign message through; every other code is translated.
      if (code !== 'text') expect(texts.fr, code).not.toBe(texts.en);
    }
  });

  it('keeps the English problem and renders the same entry in French, causes included', () => {
    const report = lineReport('products.tsv', 3);
    const gtin = parseGtin('3017620422004');
    if (gtin.ok) throw new Error('a wrong check digit was taken');
    report.warn('gtin', reportMessage('gtin_dropped', { cause: gtin.message }));
    const [entry] = report.entries;
    expect(entry).toMatchObject({
      problem:
        '"3017620422004" has a wrong check digit (4, expected 3): the product is kept without it (not scannable)',
      message: {
        code: 'gtin_dropped',
        params: {
          cause: {
            code: 'gtin_check_digit',
            params: { value: '3017620422004', digit: '4', expected: '3' },
          },
        },
      },
    });
    // The entry survives JSON (the job file, the API) and still renders.
    const stored = ReportEntry.parse(JSON.parse(JSON.stringify(entry)));
    expect(entryText(stored, 'en')).toBe(entry!.problem);
    expect(entryText(stored, 'fr')).toBe(
      '«\u00a03017620422004\u00a0» a une clé de contrôle fausse (4, attendu 3)\u202f: le produit est gardé sans lui (pas scannable)',
    );
  });

  it('falls back to the English problem for a code this build does not know, or an old entry', () => {
    expect(
      entryText(
        { problem: 'from a newer server', message: { code: 'unheard_of', params: {} } },
        'fr',
      ),
    ).toBe('from a newer server');
    expect(entryText({ problem: 'an old job' }, 'fr')).toBe('an old job');
    expect(
      entryText(
        {
          problem: 'nested unknown',
          message: { code: 'left_out', params: { cause: { code: 'unheard_of', params: {} } } },
        },
        'fr',
      ),
    ).toBe('nested unknown');
  });
});
