// What a manager types as the import policy's share of bad lines: "5", "2,5" or
// "2.5" (a French keyboard writes a comma), checked here so the form says what
// is wrong in its own words before the server's contract refuses it.
export type PolicyInputProblem = 'empty' | 'notNumber' | 'range';

export type PolicyInput =
  { ok: true; percent: number } | { ok: false; problem: PolicyInputProblem };

export function readPolicyPercent(text: string): PolicyInput {
  const written = text.trim().replace(/\s*%$/, '');
  if (written === '') return { ok: false, problem: 'empty' };
  if (!/^[+-]?\d+([.,]\d+)?$/.test(written)) return { ok: false, problem: 'notNumber' };
  const percent = Number(written.replace(',', '.'));
  if (percent < 0 || percent > 100) return { ok: false, problem: 'range' };
  return { ok: true, percent };
}
