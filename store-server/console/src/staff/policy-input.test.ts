import { describe, expect, it } from 'vitest';
import { ImportPolicy } from '@vitrine/shared/core';
import { readPolicyPercent } from './policy-input';

describe('the import policy field', () => {
  it('reads a share written with a comma, a point or a percent sign', () => {
    expect(readPolicyPercent('2,5')).toEqual({ ok: true, percent: 2.5 });
    expect(readPolicyPercent(' 12.5 % ')).toEqual({ ok: true, percent: 12.5 });
    expect(readPolicyPercent('0')).toEqual({ ok: true, percent: 0 });
    expect(readPolicyPercent('100')).toEqual({ ok: true, percent: 100 });
  });

  it('names what is wrong: nothing written, not a number, outside 0–100', () => {
    expect(readPolicyPercent('  ')).toEqual({ ok: false, problem: 'empty' });
    expect(readPolicyPercent('cinq')).toEqual({ ok: false, problem: 'notNumber' });
    expect(readPolicyPercent('1,000.5')).toEqual({ ok: false, problem: 'notNumber' });
    expect(readPolicyPercent('101')).toEqual({ ok: false, problem: 'range' });
    expect(readPolicyPercent('-1')).toEqual({ ok: false, problem: 'range' });
  });

  it('accepts exactly what the route contract accepts', () => {
    for (const text of ['0', '0,1', '5', '99.9', '100', '100,1', '-0,5', '250']) {
      const read = readPolicyPercent(text);
      const percent = Number(text.replace(',', '.'));
      expect(read.ok, text).toBe(ImportPolicy.safeParse({ maxBadLinePercent: percent }).success);
    }
  });
});
