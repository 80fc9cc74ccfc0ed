// The chain the link-requests test runs on, every part real: PostgreSQL 15, a 3-node NATS cluster
// whose users file head office keeps (rewritten, nodes reloaded by their pid files), a head-office
// process, and a store enrolled with `npm run hq-enrol`'s own code, whose server runs as a
// process with its log lines kept (info) for the test to read.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createUser } from '@nats-io/nkeys';
import { connect, nkeyAuthenticator, type NatsConnection } from '@nats-io/transport-node';
import pg from 'pg';
import { API_PREFIX, apiRoutes, routeUrl } from '@vitrine/shared/core';
import { startNatsCluster, startPostgres } from '@vitrine/head-office/local';
import { renderUsersFile } from '@vitrine/head-office/nats-users';
import { launchHeadOffice, type HeadOfficeProcess } from './head-office-process';
import { freePort } from './server-process';
import { REPO_ROOT, waitFor } from './test-server';

/** The admin token of head office and of the store servers started here. */
export const ADMIN = 'requests-admin-token-0123456789';

export type Logs = Record<string, unknown>[];

/** Runs a store-server script (tsx) to its end: its exit code and what it printed. */
export function runScript(script: string, args: string[]) {
  return new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, script), ...args], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => resolve({ code, out }));
  });
}

/** The store server with its JSON log lines parsed, killed with the test process. */
export function startStoreServer(
  storeId: string,
  dataDir: string,
  logs: Logs,
  onStarted: (kill: () => Promise<void>) => void,
  extraArgs: readonly string[] = [],
) {
  return Promise.all([freePort(), freePort(), freePort(), freePort()]).then(
    async ([http, mqtt, https, mqtts]) => {
      const args = [
        ...['--store', storeId, '--host', '127.0.0.1', '--port', String(http)],
        ...['--mqtt-port', String(mqtt), '--https-port', String(https)],
        ...['--mqtts-port', String(mqtts), '--data', dataDir, '--log-level', 'info'],
        ...['--admin-token', ADMIN, '--plain', 'on'],
        ...['--hq-link', join(dataDir, 'hq', 'hq-link.json')],
        ...extraArgs,
      ];
      const child: ChildProcess = spawn(
        process.execPath,
        ['--import', 'tsx', join(REPO_ROOT, 'store-server/src/main.ts'), ...args],
        { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
      );
      const killOnExit = () => child.kill('SIGKILL');
      process.once('exit', killOnExit);
      let pending = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        pending += chunk.toString();
        const lines = pending.split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines)
          if (line.startsWith('{')) logs.push(JSON.parse(line) as Record<string, unknown>);
      });
      const url = `http://127.0.0.1:${http}`;
      const kill = () =>
        new Promise<void>((resolve) => {
          process.off('exit', killOnExit);
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        });
      onStarted(kill);
      const health = routeUrl(url, apiRoutes.health.health, {});
      // Three stores seeding their catalogues at once in a loaded full run took over 60 s once.
      await waitFor(
        async () => (await fetch(health).catch(() => null))?.ok ?? false,
        'the store server up',
        150_000,
      );
      return { url, kill };
    },
  );
}

export async function startRequestsChain(storeId: string, neighbour: string) {
  const base = mkdtempSync(join(tmpdir(), 'vitrine-link-requests-'));
  chmodSync(base, 0o755); // PostgreSQL runs as user postgres
  const hqKey = createUser();
  const usersFile = join(base, 'users.conf');
  writeFileSync(usersFile, renderUsersFile({ hqPublicKey: hqKey.getPublicKey(), stores: [] }), {
    mode: 0o600,
  });
  const [postgres, cluster] = await Promise.all([
    startPostgres({ dir: join(base, 'pg') }),
    startNatsCluster({ dir: join(base, 'nats'), usersFile }),
  ]);
  const stopAll: (() => Promise<unknown>)[] = [
    () => Promise.all([cluster.stop(), postgres.stop()]),
  ];
  const stop = async () => {
    for (const step of stopAll.reverse()) await step().catch(() => undefined);
    rmSync(base, { recursive: true, force: true });
  };
  try {
    const databaseUrl = await postgres.createDatabase('vitrine_hq');
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    pool.on('error', () => undefined);
    stopAll.push(() => pool.end());
    const hqSeedFile = join(base, 'hq.seed');
    writeFileSync(hqSeedFile, new TextDecoder().decode(hqKey.getSeed()), { mode: 0o600 });
    const hqNats: NatsConnection = await connect({
      servers: [...cluster.clientUrls],
      authenticator: nkeyAuthenticator(hqKey.getSeed()),
      maxReconnectAttempts: -1,
    });
    stopAll.push(() => hqNats.close());
    const hq: HeadOfficeProcess = await launchHeadOffice([
      ...['--database-url', databaseUrl, '--host', '127.0.0.1', '--http-port', '0'],
      ...['--nats-urls', cluster.clientUrls.join(','), '--nats-seed-file', hqSeedFile],
      ...['--nats-users-file', usersFile, '--admin-token', ADMIN],
      ...['--nats-pid-files', cluster.nodes.map((node) => node.pidFile).join(',')],
      ...['--data-dir', join(base, 'hq'), '--log-level', 'info'],
    ]);
    stopAll.push(() => hq.kill('SIGTERM'));
    const admin = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${hq.url}${API_PREFIX}${path}`, {
        method,
        headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, json: (await response.json()) as Record<string, unknown> };
    };
    const store = (id: string, neighbours: string[]) => ({
      id,
      name: `Store ${id}`,
      timeZone: 'Europe/Paris',
      currency: 'EUR',
      neighbours,
    });
    await admin('POST', '/stores', store(neighbour, []));
    await admin('POST', '/stores', store(storeId, [neighbour]));
    const code = (await admin('POST', `/stores/${storeId}/enrol-codes`, {})).json.code as string;
    const dataDir = join(base, 'store');
    // Enrolment answers 503 until head office's link is up.
    let enrolled = { code: null as number | null, out: '' };
    await waitFor(
      async () => {
        enrolled = await runScript('store-server/src/hq-link/enrol-cli.ts', [
          ...['--hq', hq.url, '--code', code, '--store', storeId, '--data', dataDir],
        ]);
        return enrolled.code === 0 || !/503/.test(enrolled.out);
      },
      'the enrolment',
      60_000,
    );
    if (enrolled.code !== 0) throw new Error(`hq-enrol failed: ${enrolled.out}`);
    const storeLogs: Logs = [];
    const server = await startStoreServer(storeId, dataDir, storeLogs, (kill) =>
      stopAll.push(kill),
    );
    return { base, pool, cluster, hqNats, hq, admin, dataDir, storeLogs, server, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
