#!/usr/bin/env -S npx tsx
// `npm run chain`: a chain of three demo stores on this machine, with head office, NATS and
// PostgreSQL (start-chain.ts); prints where everything is and stops it all on Ctrl-C or SIGTERM.
// VITRINE_CHAIN_DIR (default ./.chain) and VITRINE_CHAIN_BASE_PORT (default 18000, 0 = any).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { chainPrintout } from './chain-printout';
import { DEFAULT_BASE_PORT, startChain, type RunningChain } from './start-chain';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const Env = z.object({
  VITRINE_CHAIN_DIR: z.string().min(1).default(resolve(repoRoot, '.chain')),
  VITRINE_CHAIN_BASE_PORT: z.coerce.number().int().min(0).max(65_000).default(DEFAULT_BASE_PORT),
});
const env = Env.safeParse(process.env);
if (!env.success) {
  const issues = env.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  process.stderr.write(`npm run chain: ${issues.join('\n')}\n`);
  process.exit(2);
}

let chain: RunningChain | undefined;
let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  process.stdout.write(`\n  ${signal}: stopping stores, head office, NATS, then PostgreSQL…\n`);
  // Still starting: exit at once; every process of the chain is our own child and dies with us
  // (PostgreSQL gets an immediate shutdown and recovers at the next start).
  if (!chain) process.exit(1);
  chain.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));

try {
  const started = await startChain({
    repoRoot,
    dir: env.data.VITRINE_CHAIN_DIR,
    basePort: env.data.VITRINE_CHAIN_BASE_PORT,
    say: (line) => process.stdout.write(`  ${line}\n`),
  });
  chain = started;
  process.stdout.write(chainPrintout(started.endpoints, started.endpointsFile));
} catch (error) {
  process.stderr.write(`npm run chain: ${(error as Error).message}\n`);
  process.exit(1);
}
