// A real Mosquitto on free loopback ports, reading the auth files the store
// server writes. Run as root here, so it is told not to drop to its own user.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitFor } from './test-server';

const CANDIDATES = [
  process.env.MOSQUITTO_PATH,
  '/usr/sbin/mosquitto',
  '/usr/bin/mosquitto',
  '/usr/local/sbin/mosquitto',
];

export function mosquittoPath(): string {
  const path = CANDIDATES.find(
    (candidate): candidate is string => !!candidate && existsSync(candidate),
  );
  if (!path)
    throw new Error(
      'Mosquitto not found: run `node scripts/provision-test-tools.mjs` or set MOSQUITTO_PATH',
    );
  return path;
}

export type Mosquitto = { pidFile: string; process: ChildProcess; stop: () => Promise<void> };

export async function startMosquitto(options: { dir: string; port: number }): Promise<Mosquitto> {
  const conf = join(options.dir, 'mosquitto.conf');
  const pidFile = join(options.dir, 'mosquitto.pid');
  const isRoot = process.getuid?.() === 0;
  writeFileSync(
    conf,
    [
      ...(isRoot ? ['user root'] : []),
      `pid_file ${pidFile}`,
      'persistence false',
      `listener ${options.port} 127.0.0.1`,
      'allow_anonymous false',
      // A client id is the device id: nobody takes over another device's session.
      'use_username_as_clientid true',
      `password_file ${join(options.dir, 'passwd')}`,
      `acl_file ${join(options.dir, 'acl')}`,
      'log_dest stderr',
      'log_type error',
      'log_type warning',
      '',
    ].join('\n'),
  );
  const child = spawn(mosquittoPath(), ['-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await waitFor(() => existsSync(pidFile) || child.exitCode !== null, 'mosquitto start', 10_000);
  if (child.exitCode !== null) throw new Error(`mosquitto exited: ${stderr}`);
  return {
    pidFile,
    process: child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
