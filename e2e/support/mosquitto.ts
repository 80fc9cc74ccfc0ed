// A real Mosquitto on free loopback ports, reading the auth files the store
// server writes. Run as root here, so it is told not to drop to its own user.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StoreServerConfig } from '@vitrine/store-server/config';
import type { StoreServer } from '@vitrine/store-server/server';
import { freePort } from './server-process';
import { freshDataDir, startTestServer, waitFor } from './test-server';

const CANDIDATES = [
  process.env.MOSQUITTO_PATH,
  '/usr/sbin/mosquitto',
  '/usr/bin/mosquitto',
  '/usr/local/sbin/mosquitto',
];

function mosquittoPath(): string {
  const path = CANDIDATES.find(
    (candidate): candidate is string => !!candidate && existsSync(candidate),
  );
  if (!path)
    throw new Error(
      'Mosquitto not found: run `node scripts/provision-test-tools.mjs` or set MOSQUITTO_PATH',
    );
  return path;
}

type Mosquitto = { pidFile: string; process: ChildProcess; stop: () => Promise<void> };

async function startMosquitto(options: { dir: string; port: number }): Promise<Mosquitto> {
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

/** The store server's own broker password in these tests. */
export const STORE_SERVER_BROKER_PASSWORD = 's'.repeat(32);

export type StoreOnMosquitto = {
  server: StoreServer;
  mosquitto: Mosquitto;
  /** Where the server writes Mosquitto's passwd and acl files. */
  dir: string;
  /** What devices connect to: `mqtt://127.0.0.1:<port>`. */
  brokerUrl: string;
  close: () => Promise<void>;
};

/** A store server whose broker is a real Mosquitto reading the auth files the server writes. */
export async function startStoreOnMosquitto(
  overrides: Partial<StoreServerConfig> = {},
): Promise<StoreOnMosquitto> {
  const dir = freshDataDir('vitrine-mosquitto');
  const port = await freePort();
  const brokerUrl = `mqtt://127.0.0.1:${port}`;
  // The server writes the auth files first, then connects (retrying until Mosquitto is up).
  const starting = startTestServer({
    brokerUrl: `mqtt://store-server:${STORE_SERVER_BROKER_PASSWORD}@127.0.0.1:${port}`,
    deviceBrokerUrl: brokerUrl,
    mosquittoAuthDir: dir,
    brokerReloadCommand: `kill -HUP "$(cat ${join(dir, 'mosquitto.pid')})"`,
    ...overrides,
  });
  await waitFor(() => existsSync(join(dir, 'acl')), 'auth files written');
  const mosquitto = await startMosquitto({ dir, port });
  const server = await starting;
  return {
    server,
    mosquitto,
    dir,
    brokerUrl,
    close: async () => {
      await server.close();
      await mosquitto.stop();
    },
  };
}
