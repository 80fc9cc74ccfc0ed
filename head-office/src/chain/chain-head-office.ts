// Head office as a child process of the runner (`tsx head-office/src/main.ts`, as it is deployed),
// with the chain's NATS cluster, users file and PostgreSQL; and the stores it is told about
// through its own admin API.
import { join } from 'node:path';
import { ApiCallError, type HqStore } from '@vitrine/shared/core';
import type { NatsCluster } from '../local';
import { spawnChainChild, waitForOutput, type ChainChild } from './chain-child';
import type { DemoChainStore } from './demo-stores';
import { hqAdmin, type HqAdmin } from './hq-admin';

export type ChainHeadOffice = {
  process: ChainChild;
  url: string;
  admin: HqAdmin;
};

async function waitLinkUp(hq: ChainChild, url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const health = (await fetch(`${url}/healthz`)
      .then((response) => response.json())
      .catch(() => null)) as { nats?: string; events?: unknown } | null;
    // `events` appears once the link's streams are set: enrolment works from then on.
    if (health?.nats === 'up' && health.events !== undefined) return;
    if (!hq.running()) throw new Error(`head office exited; see ${hq.logFile}`);
    if (Date.now() > deadline)
      throw new Error(`head office's NATS link not up after ${timeoutMs} ms; see ${hq.logFile}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export async function startChainHeadOffice(options: {
  repoRoot: string;
  dir: string;
  databaseUrl: string;
  cluster: NatsCluster;
  seedFile: string;
  port: number;
  adminToken: string;
}): Promise<ChainHeadOffice> {
  const { cluster } = options;
  const args = [
    ...['--import', 'tsx', join(options.repoRoot, 'head-office/src/main.ts')],
    ...['--database-url', options.databaseUrl, '--host', '127.0.0.1'],
    ...['--http-port', String(options.port), '--nats-urls', cluster.clientUrls.join(',')],
    ...['--nats-seed-file', options.seedFile, '--nats-users-file', cluster.usersFile],
    ...['--nats-pid-files', cluster.nodes.map((node) => node.pidFile).join(',')],
    // Joined with '=': a token that starts with '-' would read as another option.
    `--admin-token=${options.adminToken}`,
    ...['--data-dir', join(options.dir, 'data')],
    ...['--log-level', 'info'],
  ];
  const hq = spawnChainChild('head office', process.execPath, args, {
    cwd: options.repoRoot,
    logFile: join(options.dir, 'head-office.log'),
  });
  try {
    const running = await waitForOutput(hq, /head office is running: (http:\/\/\S+?)\/?\n/, 60_000);
    const url = running[1]!;
    await waitLinkUp(hq, url, 60_000);
    return { process: hq, url, admin: hqAdmin(url, options.adminToken) };
  } catch (error) {
    await hq.stop();
    throw error;
  }
}

/**
 * The demo stores at head office, created if they are not there yet (a second run finds them),
 * then made each other's neighbours (a neighbour must exist first).
 */
export async function ensureStores(
  admin: HqAdmin,
  stores: readonly DemoChainStore[],
): Promise<HqStore[]> {
  for (const store of stores) {
    try {
      await admin.get({ params: { id: store.id } });
      continue;
    } catch (error) {
      if (!(error instanceof ApiCallError && error.status === 404)) throw error;
    }
    await admin.create({
      body: {
        ...{ id: store.id, name: store.name, region: store.region },
        ...{ timeZone: 'Europe/Paris', currency: 'EUR', neighbours: [] },
      },
    });
  }
  // One at a time: concurrent neighbour changes deadlock in head office's database (a 500).
  const made: HqStore[] = [];
  for (const store of stores)
    made.push(
      await admin.setNeighbours({
        params: { id: store.id },
        body: { neighbours: store.neighbours },
      }),
    );
  return made;
}
