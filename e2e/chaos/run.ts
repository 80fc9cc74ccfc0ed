// npm run chaos [-- --case <name>[,<name>…]]: the chain's real parts, broken one case at a time
// (cases.ts); after each, every screen must hold what head office published and PostgreSQL
// every event once. Prints a table and writes bench-results/chaos.json; exits 1 if a case failed.
import { inspect, parseArgs } from 'node:util';
import { CHAOS_CASES } from './cases';
import { startChaosChain } from './chaos-chain';
import { printTable, metTarget, writeResults } from './report';
import { runCase, type CaseResult } from './run-case';

const STORES = 3;

const { values } = parseArgs({ options: { case: { type: 'string', multiple: true } } });
const asked = (values.case ?? []).flatMap((name) => name.split(','));
const unknown = asked.filter((name) => !CHAOS_CASES.some((c) => c.name === name));
if (unknown.length) {
  console.error(
    `unknown case ${unknown.join(', ')}; cases: ${CHAOS_CASES.map((c) => c.name).join(', ')}`,
  );
  process.exit(2);
}
const cases = asked.length ? CHAOS_CASES.filter((c) => asked.includes(c.name)) : CHAOS_CASES;
const started = performance.now();
const say = (line: string) =>
  console.log(`[chaos ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

// A stray rejection (a client library's, mid-fault) is reported, not allowed to end the run
// with the chain's processes and the small disk left behind.
process.on('unhandledRejection', (reason) =>
  say(`unhandled rejection: ${inspect(reason, { depth: 3 })}`),
);

const chain = await startChaosChain({
  stores: STORES,
  smallDisk: cases.some((c) => c.name === 'disk-full'),
  say,
});
const stopOnSignal = () => void chain.stop().finally(() => process.exit(130));
process.once('SIGINT', stopOnSignal);
process.once('SIGTERM', stopOnSignal);
const results: CaseResult[] = [];
try {
  for (const chaosCase of cases) {
    const result = await runCase(chain, chaosCase, say).catch((error: unknown): CaseResult => ({
      case: chaosCase.name,
      recoverySeconds: null,
      generated: 0,
      stored: 0,
      lost: 0,
      doubled: 0,
      converged: false,
      note: `failed: ${error instanceof Error ? error.message : inspect(error, { depth: 2 })}`,
      load: 0,
    }));
    results.push(result);
    if (result.note.startsWith('failed')) say(`${result.case}: ${result.note}`);
    say(
      `${result.case}: ${result.converged ? 'converged' : 'NOT converged'}` +
        `${result.recoverySeconds === null ? '' : ` in ${result.recoverySeconds.toFixed(1)} s`}, ` +
        `${result.generated} generated, ${result.stored} stored, ${result.lost} lost, ${result.doubled} doubled`,
    );
  }
} finally {
  await chain.stop();
}
printTable(results);
console.log(`written ${writeResults(results)}`);
process.exit(results.every(metTarget) ? 0 : 1);
