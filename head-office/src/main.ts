#!/usr/bin/env -S npx tsx
// Command line entry: parse config, start, stop cleanly on SIGINT/SIGTERM.
import { HELP, readConfig } from './config';
import { MigrationError } from './db/migrations';
import { DatabaseUnreachableError } from './db/pool';
import { LinkConfigError, startHeadOffice } from './server';

const result = readConfig(process.argv.slice(2), process.env);
if (result.kind === 'help') {
  process.stdout.write(HELP);
  process.exit(0);
}
if (result.kind === 'error') {
  process.stderr.write(`vitrine-head-office: invalid configuration\n${result.message}\n\n${HELP}`);
  process.exit(2);
}
const headOffice = await startHeadOffice(result.config).catch((error: unknown) => {
  if (!(
    error instanceof DatabaseUnreachableError ||
    error instanceof MigrationError ||
    error instanceof LinkConfigError
  ))
    throw error;
  process.stderr.write(`vitrine-head-office: ${error.message}\n`);
  process.exit(2);
});
process.stdout.write(`\n  Vitrine head office is running: ${headOffice.url}/\n\n`);

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  headOffice.log.info({ signal }, 'stopping');
  headOffice.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGINT', () => stop('SIGINT'));
process.once('SIGTERM', () => stop('SIGTERM'));
