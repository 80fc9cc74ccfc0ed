// The store server as a separate process, for tests that kill it (SIGKILL)
// the way a power cut or a crash would.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '@vitrine/head-office/free-ports';
import { apiRoutes, callRoute, routeUrl, type DeviceCredential } from '@vitrine/shared/core';
import { REPO_ROOT, waitFor } from './test-server';
import { DevicePins } from './tls-client';

export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789';

/** Drawn below the ephemeral range, where no outgoing connection can take it meanwhile. */
export { freePort };

export type ServerProcess = {
  /** Plain HTTP, or the HTTPS URL when the server runs with `--plain off`. */
  url: string;
  httpsUrl: string;
  httpsPort: number;
  mqttsPort: number;
  /** The store CA, as a device pins it (read from the data directory). */
  caPem: () => string;
  child: ChildProcess;
  kill: (signal?: NodeJS.Signals) => Promise<void>;
};

export type ServerOptions = {
  dataDir: string;
  httpPort: number;
  mqttPort: number;
  /** TLS ports; launchServer alone lets the system choose (0), spawnServer picks free ones. */
  httpsPort?: number;
  mqttsPort?: number;
  scale?: number;
  /** A store of its own instead of the demo (no seed, no demo users or screens). */
  store?: { id: string; currency?: string; timeZone?: string };
  extraArgs?: string[];
  /** Options for node itself (e.g. `--cpu-prof`, for a bench's profile of the server). */
  nodeArgs?: string[];
};

/** Starts the server process and returns at once, before it listens (start-up tests poll it). */
export function launchServer(options: ServerOptions): ServerProcess {
  const httpsPort = options.httpsPort ?? 0;
  const mqttsPort = options.mqttsPort ?? 0;
  const store = options.store;
  const storeArgs = store
    ? [
        '--store',
        store.id,
        ...(store.currency ? ['--currency', store.currency] : []),
        ...(store.timeZone ? ['--time-zone', store.timeZone] : []),
      ]
    : ['--store', 'paris-rivoli', '--demo', '--scale', String(options.scale ?? 100)];
  const child = spawn(
    process.execPath,
    [
      ...(options.nodeArgs ?? []),
      '--import',
      'tsx',
      join(REPO_ROOT, 'store-server/src/main.ts'),
      ...storeArgs,
      '--host',
      '127.0.0.1',
      '--port',
      String(options.httpPort),
      '--mqtt-port',
      String(options.mqttPort),
      '--data',
      options.dataDir,
      '--admin-token',
      TEST_ADMIN_TOKEN,
      '--log-level',
      'warn',
      '--https-port',
      String(httpsPort),
      '--mqtts-port',
      String(mqttsPort),
      ...(options.extraArgs ?? []),
    ],
    { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const extra = options.extraArgs ?? [];
  const plainOff = extra.some((arg, i) => arg === '--plain' && extra[i + 1] === 'off');
  const httpsUrl = `https://127.0.0.1:${httpsPort}`;
  return {
    url: plainOff ? httpsUrl : `http://127.0.0.1:${options.httpPort}`,
    httpsUrl,
    httpsPort,
    mqttsPort,
    caPem: () => readFileSync(join(options.dataDir, 'tls', 'ca.crt'), 'utf8'),
    child,
    kill: (signal = 'SIGKILL') =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}

export class ServerExitedError extends Error {}

/** Starts the server process and waits until it is up. */
export async function spawnServer(
  options: ServerOptions & {
    /** When the server counts as up; default: health answers 2xx (a read-only start answers 503). */
    ready?: (health: { status: number; body: unknown }) => boolean;
  },
): Promise<ServerProcess> {
  // Free TLS ports too: two servers on the default 8443/8883 would collide.
  const server = launchServer({
    ...options,
    httpsPort: options.httpsPort ?? (await freePort()),
    mqttsPort: options.mqttsPort ?? (await freePort()),
  });
  const ready = options.ready ?? (({ status }) => status >= 200 && status < 300);
  const healthOf = async (response: Response) =>
    ready({ status: response.status, body: await response.json().catch(() => null) });
  const plainOff = server.url === server.httpsUrl;
  const healthUrl = routeUrl(server.url, apiRoutes.health.health, {});
  const up = waitFor(
    async () => {
      if (!plainOff) return healthOf(await fetch(healthUrl));
      const pins = new DevicePins([server.caPem()]);
      try {
        return await healthOf(await pins.fetch(healthUrl));
      } finally {
        await pins.close();
      }
    },
    'server process health',
    60_000,
  );
  // A process that dies first (a port taken meanwhile, a bad flag) fails at once, not after 60 s.
  const exited = new Promise<never>((_resolve, reject) =>
    server.child.once('exit', (code, signal) =>
      reject(
        new ServerExitedError(`the server process exited (${signal ?? code}) before it was up`),
      ),
    ),
  );
  exited.catch(() => undefined);
  try {
    await Promise.race([up, exited]);
  } catch (error) {
    // A server that never came up is not left running behind the failed test.
    await server.kill('SIGKILL');
    throw error;
  }
  return server;
}

/** Enrols a device over HTTP and approves it as staff would. */
export async function enrolAndApprove(
  url: string,
  role: 'kiosk' | 'signage' | 'mirror',
): Promise<DeviceCredential> {
  const body = await callRoute({ baseUrl: url }, apiRoutes.devices.enrol, {
    body: { role, name: `test ${role}` },
  });
  const asAdmin = { baseUrl: url, authorization: () => `Bearer ${TEST_ADMIN_TOKEN}` };
  await callRoute(asAdmin, apiRoutes.devices.approve, { body: { pairingCode: body.pairingCode } });
  return { deviceId: body.deviceId, secret: body.secret };
}
