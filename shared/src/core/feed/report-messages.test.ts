import { describe, expect, it } from 'vitest';
import { parseGtin } from './fields';
import { ImportJob } from './import-job';
import { policyRefusal, policyRefusalMessage } from './import-policy';
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

  it('says why the policy refused a whole import, in English as before and in French', () => {
    const counts = { 'bricolage.tsv': { kind: 'products', lines: 3, rejected: 1 } };
    const message = policyRefusalMessage(counts, { maxBadLinePercent: 2.5 }, 'incremental')!;
    expect(message).toEqual({
      code: 'policy_bad_lines',
      params: { file: 'bricolage.tsv', rejected: 1, lines: 3, percent: 100 / 3, max: 2.5 },
    });
    expect(reportText(message, 'en')).toBe(
      'bricolage.tsv: 1 of 3 lines refused (33.3 %), above the 2.5 % this chain allows',
    );
    expect(reportText(message, 'fr')).toBe(
      'bricolage.tsv\u202f: 1 ligne refusée sur 3 (33,3\u202f%), au-delà du seuil de 2,5\u202f% fixé par l’enseigne',
    );
    const many = policyRefusalMessage(
      { 'f.tsv': { kind: 'inventory', lines: 10, rejected: 4 } },
      { maxBadLinePercent: 0 },
      'full',
    )!;
    expect(reportText(many, 'fr')).toBe(
      'f.tsv\u202f: 4 lignes refusées sur 10 (40,0\u202f%), au-delà du seuil de 0\u202f% fixé par l’enseigne',
    );
    // The job's English reason is the same text the CLI printed before the codes.
    expect(policyRefusal(counts, { maxBadLinePercent: 2.5 }, 'incremental')).toBe(
      reportText(message, 'en'),
    );
    expect(policyRefusalMessage(counts, { maxBadLinePercent: 50 }, 'incremental')).toBeNull();
  });

  it('refuses a full import without a product in either language, and the job keeps the code', () => {
    const counts = { 'vide.tsv': { kind: 'products', lines: 2, rejected: 2 } };
    const message = policyRefusalMessage(counts, { maxBadLinePercent: 100 }, 'full')!;
    expect(message.code).toBe('policy_no_product');
    expect(reportText(message, 'en')).toBe(
      'vide.tsv: a full import needs at least one valid product line',
    );
    expect(reportText(message, 'fr')).toMatch(/^vide\.tsv\u202f: un import complet doit avoir/);
    const job = ImportJob.parse(
      JSON.parse(
        JSON.stringify({
          id: 'j',
          mode: 'full',
          language: 'fr',
          state: 'refused',
          createdAt: '2026-12-06T20:00:00.000Z',
          by: 'manager',
          files: [],
          progress: { phase: 'done' },
          reason: reportText(message, 'en'),
          reasonMessage: message,
        }),
      ),
    );
    expect(entryText({ problem: job.reason!, message: job.reasonMessage }, 'fr')).toBe(
      reportText(message, 'fr'),
    );
  });
});
