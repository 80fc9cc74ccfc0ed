#!/usr/bin/env -S npx tsx
// `npm run loadtest -- --stores N --devices M [--seconds S]`: the chain on this machine under
// simulated screens (loadtest.ts). Prints a table and writes bench-results/loadtest.json. A hard
// deadline ends everything it started, whatever state it is in (every process is its own child).
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { runLoadtest } from './loadtest';
import { resultTable, writeResult } from './report';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const Options = z.object({
  stores: z.coerce.number().int().min(1).max(100).default(20),
  devices: z.coerce.number().int().min(1).max(2_000).default(50),
  seconds: z.coerce.number().int().min(10).max(3_600).default(60),
  'event-rate': z.coerce.number().min(0).max(20).default(0.5),
  publishes: z.coerce.number().int().min(1).max(20).default(3),
  corrections: z.coerce.number().int().min(1).max(100).default(10),
  scale: z.coerce.number().int().min(10).max(10_000).default(50),
  'per-worker': z.coerce.number().int().min(1).max(1_000).default(250),
  /** Everything stops after this, whatever it is doing; default: set-up allowance + seconds. */
  deadline: z.coerce.number().int().positive().optional(),
});

const usage = `usage: npm run loadtest -- --stores N --devices M [--seconds S] [--event-rate R]
  [--publishes P] [--corrections C] [--scale products] [--per-worker W] [--deadline seconds]`;

const { values } = parseArgs({
  options: Object.fromEntries(
    Object.keys(Options.shape).map((name) => [name, { type: 'string' as const }]),
  ),
  strict: true,
});
const parsed = Options.safeParse(values);
if (!parsed.success) {
  process.stderr.write(
    `${parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n')}\n${usage}\n`,
  );
  process.exit(2);
}
const options = parsed.data;
const deadlineS = options.deadline ?? 300 + 10 * options.stores + options.seconds + 60;

const started = Date.now();
const interactive = process.stderr.isTTY;
let line = '';
const progress = (text: string) => {
  line = `[${Math.round((Date.now() - started) / 1000)} s] ${text}`;
  process.stderr.write(interactive ? `\r\x1b[K${line}` : `${line}\n`);
};

const deadline = setTimeout(() => {
  process.stderr.write(
    `\nloadtest: the hard deadline (${deadlineS} s) passed; stopping everything\n`,
  );
  // Own children (chain, workers) are killed on exit, and by the kernel if this dies harder.
  process.exit(3);
}, deadlineS * 1_000);
deadline.unref();
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));

try {
  const result = await runLoadtest({
    repoRoot,
    stores: options.stores,
    devices: options.devices,
    seconds: options.seconds,
    eventRate: options['event-rate'],
    publishes: options.publishes,
    corrections: options.corrections,
    demoScale: options.scale,
    perWorker: options['per-worker'],
    progress,
  });
  if (interactive) process.stderr.write('\n');
  const file = join(repoRoot, 'bench-results', 'loadtest.json');
  writeResult(file, result);
  process.stdout.write(`\n  Chain loadtest\n\n${resultTable(result)}\n\n  Written to ${file}\n`);
  process.exit(0);
} catch (error) {
  process.stderr.write(`\nloadtest failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
}
