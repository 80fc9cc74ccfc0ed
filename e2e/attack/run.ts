// npm run attack: every attack against a store server on loopback, bounded in
// count and time; prints a table, writes bench-results/attack.json, and exits
// 1 when the server gave in to any of them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/test-server';
import { ALL_ATTACKS } from './all-attacks';
import { runAttacks } from './run-attacks';

const only = process.argv.slice(2);
const chosen = ALL_ATTACKS.filter(
  (attack) => only.length === 0 || only.some((word) => attack.name.includes(word)),
);
const rows = await runAttacks(chosen, {
  smoke: false,
  onRow: (row) =>
    process.stdout.write(
      `attack: ${row.pass ? 'held' : 'GAVE IN'} · ${row.attack} · ${row.result}\n`,
    ),
});
console.table(
  rows.map((row) => ({
    finding: row.finding,
    attack: row.attack,
    result: row.result,
    'RSS before (MB)': row.rssBeforeMb,
    'RSS after (MB)': row.rssAfterMb,
    'data lost': row.dataLost,
    held: row.pass ? 'yes' : 'NO',
  })),
);
const outDir = join(REPO_ROOT, 'bench-results');
mkdirSync(outDir, { recursive: true });
const report = { date: new Date().toISOString(), node: process.version, load: loadavg(), rows };
writeFileSync(join(outDir, 'attack.json'), `${JSON.stringify(report, null, 2)}\n`);
process.stdout.write(`attack: wrote ${join(outDir, 'attack.json')}\n`);
process.exit(rows.every((row) => row.pass) ? 0 : 1);
