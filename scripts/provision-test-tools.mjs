#!/usr/bin/env node
// Makes sure the tools the tests drive are on this machine: a Chromium (the
// system one; Debian's `chromium` installed when running as root; else
// Playwright's download), Mosquitto for the external-broker tests, coturn
// for the TURN relay test, Prometheus that scrapes the metrics route, zint + ImageMagick 6 that draw and degrade the
// scan corpus (e2e/scan-corpus), and for a chain of stores (`npm run chain`, e2e/chain) Debian's
// nats-server and PostgreSQL 15.
// Idempotent and quiet when everything is already there.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];
const MOSQUITTO_CANDIDATES = [
  '/usr/sbin/mosquitto',
  '/usr/bin/mosquitto',
  '/usr/local/sbin/mosquitto',
];

const TURNSERVER_CANDIDATES = ['/usr/bin/turnserver', '/usr/local/bin/turnserver'];
const PROMETHEUS_CANDIDATES = ['/usr/bin/prometheus', '/usr/local/bin/prometheus'];
const ZINT_CANDIDATES = ['/usr/bin/zint', '/usr/local/bin/zint'];
// ImageMagick 6's own binaries only: another `convert` may come earlier on PATH.
const CONVERT_CANDIDATES = ['/usr/bin/convert', '/usr/bin/convert-im6.q16'];

const NATS_CANDIDATES = [
  '/usr/sbin/nats-server',
  '/usr/bin/nats-server',
  '/usr/local/bin/nats-server',
];
// The server binary itself: `initdb` and `postgres` are started as children, never through pg_ctlcluster.
const POSTGRES_CANDIDATES = ['/usr/lib/postgresql/15/bin/postgres'];

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
let aptUpdated = false;

function found(candidates, envVar) {
  const fromEnv = process.env[envVar];
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return candidates.find((path) => existsSync(path));
}

function aptInstall(pkg) {
  if (!isRoot || !hasApt) return false;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    process.stdout.write(`provision: apt-get update (for ${pkg})…\n`);
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    aptUpdated = true;
  }
  process.stdout.write(`provision: installing Debian package ${pkg}…\n`);
  const result = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', pkg], {
    stdio: 'inherit',
    env,
  });
  return result.status === 0;
}

function ensureChromium() {
  let path = found(CHROMIUM_CANDIDATES, 'CHROMIUM_PATH');
  if (!path && aptInstall('chromium')) path = found(CHROMIUM_CANDIDATES, 'CHROMIUM_PATH');
  if (!path) {
    process.stdout.write(
      'provision: no system Chromium and not root: trying Playwright’s Chromium…\n',
    );
    const result = spawnSync('npx', ['playwright-core', 'install', 'chromium'], {
      stdio: 'inherit',
    });
    if (result.status === 0) return 'playwright';
    throw new Error('no Chromium: install Debian’s `chromium` package or set CHROMIUM_PATH');
  }
  return path;
}

function ensureTool(candidates, envVar, pkg) {
  let path = found(candidates, envVar);
  if (!path && aptInstall(pkg)) path = found(candidates, envVar);
  if (!path) throw new Error(`no ${pkg}: install Debian’s \`${pkg}\` package or set ${envVar}`);
  return path;
}

function ensureMosquitto() {
  const path = ensureTool(MOSQUITTO_CANDIDATES, 'MOSQUITTO_PATH', 'mosquitto');
  // Debian starts a system broker on 1883; the tests run their own on free ports.
  spawnSync('systemctl', ['disable', '--now', 'mosquitto'], { stdio: 'ignore' });
  return path;
}

function ensureCoturn() {
  const path = ensureTool(TURNSERVER_CANDIDATES, 'TURNSERVER_PATH', 'coturn');
  // Debian may start a system TURN server on 3478; the tests run their own.
  spawnSync('systemctl', ['disable', '--now', 'coturn'], { stdio: 'ignore' });
  return path;
}

function ensurePrometheus() {
  const path = ensureTool(PROMETHEUS_CANDIDATES, 'PROMETHEUS_PATH', 'prometheus');
  // Debian may start a system Prometheus on 9090; the test runs its own.
  spawnSync('systemctl', ['disable', '--now', 'prometheus'], { stdio: 'ignore' });
  return path;
}

function ensureNats() {
  const path = ensureTool(NATS_CANDIDATES, 'NATS_SERVER_PATH', 'nats-server');
  // Debian's unit would start a lone server on 4222; the chain runs its own cluster.
  spawnSync('systemctl', ['disable', '--now', 'nats-server'], { stdio: 'ignore' });
  return path;
}

function ensurePostgres() {
  const path = ensureTool(POSTGRES_CANDIDATES, 'POSTGRES_PATH', 'postgresql-15');
  // Debian starts a system cluster on 5432; the tests and the chain run their own.
  spawnSync('systemctl', ['disable', '--now', 'postgresql'], { stdio: 'ignore' });
  return path;
}

try {
  const chromium = ensureChromium();
  const mosquitto = ensureMosquitto();
  const turnserver = ensureCoturn();
  const prometheus = ensurePrometheus();
  const zint = ensureTool(ZINT_CANDIDATES, 'ZINT_PATH', 'zint');
  const convert = ensureTool(CONVERT_CANDIDATES, 'MAGICK_CONVERT_PATH', 'imagemagick');
  const nats = ensureNats();
  const postgres = ensurePostgres();
  const version =
    chromium === 'playwright'
      ? 'playwright'
      : execFileSync(chromium, ['--version']).toString().trim();
  process.stdout.write(
    `provision: chromium ${version} · mosquitto ${mosquitto} · turnserver ${turnserver} · prometheus ${prometheus} · zint ${zint} · convert ${convert} · nats-server ${nats} · postgres ${postgres}\n`,
  );
} catch (error) {
  process.stderr.write(`provision: ${error.message}\n`);
  process.exit(1);
}
