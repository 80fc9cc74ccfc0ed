#!/usr/bin/env node
// Makes sure the tools the tests drive are on this machine: a Chromium (the
// system one; Debian's `chromium` installed when running as root; else
// Playwright's download), Mosquitto for the external-broker tests and coturn
// for the TURN relay test.
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

function ensureMosquitto() {
  let path = found(MOSQUITTO_CANDIDATES, 'MOSQUITTO_PATH');
  if (!path && aptInstall('mosquitto')) path = found(MOSQUITTO_CANDIDATES, 'MOSQUITTO_PATH');
  if (!path)
    throw new Error('no Mosquitto: install Debian’s `mosquitto` package or set MOSQUITTO_PATH');
  // Debian starts a system broker on 1883; the tests run their own on free ports.
  spawnSync('systemctl', ['disable', '--now', 'mosquitto'], { stdio: 'ignore' });
  return path;
}

function ensureCoturn() {
  let path = found(TURNSERVER_CANDIDATES, 'TURNSERVER_PATH');
  if (!path && aptInstall('coturn')) path = found(TURNSERVER_CANDIDATES, 'TURNSERVER_PATH');
  if (!path) throw new Error('no coturn: install Debian’s `coturn` package or set TURNSERVER_PATH');
  // Debian may start a system TURN server on 3478; the tests run their own.
  spawnSync('systemctl', ['disable', '--now', 'coturn'], { stdio: 'ignore' });
  return path;
}

try {
  const chromium = ensureChromium();
  const mosquitto = ensureMosquitto();
  const turnserver = ensureCoturn();
  const version =
    chromium === 'playwright'
      ? 'playwright'
      : execFileSync(chromium, ['--version']).toString().trim();
  process.stdout.write(
    `provision: chromium ${version} · mosquitto ${mosquitto} · turnserver ${turnserver}\n`,
  );
} catch (error) {
  process.stderr.write(`provision: ${error.message}\n`);
  process.exit(1);
}
