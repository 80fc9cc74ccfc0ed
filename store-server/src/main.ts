#!/usr/bin/env -S npx tsx
// Command line entry: parse config, start, stop cleanly on SIGINT/SIGTERM.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiRoutes, routeUrl } from '@vitrine/shared/core';
import { UnknownStoreError } from './catalogue/store-identity';
import { StorageUnavailableError } from './db/storage-fault';
import { HqLinkFileError } from './hq-link/link-file';
import { HELP, readConfig } from './config';
import { DEMO_PASSWORD, demoLoyaltyCards } from './seed/demo-seed';
import { startStoreServer } from './server';
import { DEMO_STAFF_BADGE, DEMO_STAFF_PIN } from './settings/store-settings';

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
const server = await startStoreServer(result.config).catch((error: unknown) => {
  if (!(
    error instanceof UnknownStoreError ||
    error instanceof StorageUnavailableError ||
    error instanceof HqLinkFileError
  ))
    throw error;
  process.stderr.write(`vitrine-store-server: ${error.message}\n`);
  process.exit(2);
});
const tlsLine = server.httpsPort
  ? `    https     https://localhost:${server.httpsPort}/  (store CA SHA-256 ${server.tls?.trustBundle().fingerprint})\n`
  : '';
if (!result.config.demo && server.tls)
  process.stdout.write(`\n  Vitrine store server:\n${tlsLine}\n`);
if (result.config.demo) {
  const base = server.httpPort
    ? `http://localhost:${server.httpPort}`
    : `https://localhost:${server.httpsPort}`;
  const cards = demoLoyaltyCards(server.db)
    .map((card) => `${card.tier} ${card.cardCode}`)
    .join(' · ');
  process.stdout.write(
    `\n  Vitrine demo store ${result.config.storeId} is running:\n` +
      `    kiosk     ${base}/kiosk/\n` +
      `    signage   ${base}/signage/\n` +
      `    mirror    ${base}/mirror/\n` +
      `    consoles  ${base}/console/  (staff, manager, editor, publisher, expert-…;` +
      ` password ${DEMO_PASSWORD})\n` +
      `    health    ${routeUrl(base, apiRoutes.health.health, {})}\n` +
      tlsLine +
      `    loyalty cards to scan at the till: ${cards}\n` +
      `    kiosk staff overlay: tap the logo five times, PIN ${DEMO_STAFF_PIN}` +
      ` (or scan badge ${DEMO_STAFF_BADGE})\n\n`,
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
