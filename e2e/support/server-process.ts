// The store server as a separate process, for tests that kill it (SIGKILL)
// the way a power cut or a crash would.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { DeviceCredential } from '@vitrine/shared/core';
import { REPO_ROOT, waitFor } from './test-server';

export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export type ServerProcess = {
  url: string;
  child: ChildProcess;
  kill: (signal?: NodeJS.Signals) => Promise<void>;
};

export type ServerOptions = {
  dataDir: string;
  httpPort: number;
  mqttPort: number;
  scale?: number;
  extraArgs?: string[];
};

/** Starts the server process and returns at once, before it listens (start-up tests poll it). */
export function launchServer(options: ServerOptions): ServerProcess {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(REPO_ROOT, 'store-server/src/main.ts'),
      '--store',
      'paris-rivoli',
      '--host',
      '127.0.0.1',
      '--port',
      String(options.httpPort),
      '--mqtt-port',
      String(options.mqttPort),
      '--data',
      options.dataDir,
      '--demo',
      '--scale',
      String(options.scale ?? 100),
      '--admin-token',
      TEST_ADMIN_TOKEN,
      '--log-level',
      'warn',
      ...(options.extraArgs ?? []),
    ],
    { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return {
    url: `http://127.0.0.1:${options.httpPort}`,
    child,
    kill: (signal = 'SIGKILL') =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}

export async function spawnServer(options: ServerOptions): Promise<ServerProcess> {
  const server = launchServer(options);
  await waitFor(
    async () => (await fetch(`${server.url}/api/v1/health`)).ok,
    'server process health',
    60_000,
  );
  return server;
}

/** Enrols a device over HTTP and approves it as staff would. */
export async function enrolAndApprove(
  url: string,
  role: 'kiosk' | 'signage' | 'mirror',
): Promise<DeviceCredential> {
  const enrol = await fetch(`${url}/api/v1/devices/enrol`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role, name: `test ${role}` }),
  });
  const body = (await enrol.json()) as DeviceCredential & { pairingCode: string };
  const approve = await fetch(`${url}/api/v1/devices/approve`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
    body: JSON.stringify({ pairingCode: body.pairingCode }),
  });
  if (!approve.ok) throw new Error(`approval failed: ${approve.status}`);
  return { deviceId: body.deviceId, secret: body.secret };
}
