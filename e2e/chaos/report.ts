// The chaos run's table (stdout) and bench-results/chaos.json, as `npm run bench` reports.
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/test-server';
import type { CaseResult } from './run-case';

/** Drain of the 100k backlog, from the heal. */
const BACKLOG_TARGET_S = 60;

export const metTarget = (result: CaseResult) =>
  result.converged &&
  result.lost === 0 &&
  result.doubled === 0 &&
  (result.case !== 'backlog-100k' || (result.recoverySeconds ?? Infinity) <= BACKLOG_TARGET_S);

export function printTable(results: readonly CaseResult[]): void {
  console.table(
    results.map((result) => ({
      case: result.case,
      'recovery s': result.recoverySeconds === null ? '—' : result.recoverySeconds.toFixed(1),
      generated: result.generated,
      stored: result.stored,
      lost: result.lost,
      doubled: result.doubled,
      converged: result.converged ? 'yes' : 'NO',
      load: result.load.toFixed(1),
    })),
  );
  for (const result of results.filter((r) => r.note))
    console.log(`  ${result.case}: ${result.note}`);
}

export function writeResults(results: readonly CaseResult[]): string {
  const dir = join(REPO_ROOT, 'bench-results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'chaos.json');
  const body = {
    at: new Date().toISOString(),
    loadavg: loadavg(),
    targets: { 'backlog-100k': `drain ≤ ${BACKLOG_TARGET_S} s from the heal` },
    results: results.map((result) => ({ ...result, met: metTarget(result) })),
  };
  writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`);
  return file;
}
