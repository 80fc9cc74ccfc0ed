#!/usr/bin/env -S npx tsx
// Command line entry: parse config, start, stop cleanly on SIGINT/SIGTERM.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HELP, readConfig } from './config';
import { startStoreServer } from './server';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const result = readConfig(process.argv.slice(2), process.env, { appsDir: repoRoot });
if (result.kind === 'help') {
  process.stdout.write(HELP);
  process.exit(0);
}
if (result.kind === 'error') {
  process.stderr.write(`vitrine-store-server: invalid configuration\n${result.message}\n\n${HELP}`);
  process.exit(2);
}
const server = await startStoreServer(result.config);
if (result.config.demo) {
  process.stdout.write(
    `\n  Vitrine demo store is running:\n` +
      `    kiosk    http://localhost:${server.httpPort}/kiosk/\n` +
      `    signage  http://localhost:${server.httpPort}/signage/\n` +
      `    mirror   http://localhost:${server.httpPort}/mirror/\n` +
      `    health   http://localhost:${server.httpPort}/api/v1/health\n\n`,
  );
}
const stop = (signal: string) => {
  server.log.info({ signal }, 'stopping');
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGINT', () => stop('SIGINT'));
process.once('SIGTERM', () => stop('SIGTERM'));
