#!/usr/bin/env node
// `npm start` rebuilds the touchpoint apps only when a source changed since the
// last build: a second start is quick, and a start never rewrites dist/ under a
// running test suite that just built the same sources.
//   node scripts/apps-built.mjs --stamp   after a build: record it
//   node scripts/apps-built.mjs           exit 0 if dist/ is current, 1 if a build is needed
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const APPS = ['kiosk', 'signage', 'mirror', 'store-server/console'];
// Everything an app build reads: its own folder, the shared code it imports,
// shared's entry points and side-effect list, and the service-worker build options.
const SOURCES = [
  ...APPS,
  'shared/src',
  'shared/package.json',
  'shared/offline-shell.config.ts',
  'assets',
  'package-lock.json',
];
const STAMP = join(root, 'node_modules', '.vitrine-apps-built');

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

if (process.argv.includes('--stamp')) {
  writeFileSync(STAMP, new Date().toISOString());
  process.exit(0);
}
const built = existsSync(STAMP) ? statSync(STAMP).mtimeMs : 0;
const missing = APPS.filter((app) => !existsSync(join(root, app, 'dist', 'index.html')));
const changed = SOURCES.map((path) => join(root, path))
  .filter(existsSync)
  .some((path) => newestMtime(path) > built);
if (missing.length === 0 && !changed) {
  process.stdout.write('apps are up to date (npm run build rebuilds them)\n');
  process.exit(0);
}
process.stdout.write('building the apps…\n');
process.exit(1);
