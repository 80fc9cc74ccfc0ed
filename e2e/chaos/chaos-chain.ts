// The chain the chaos cases break, every part real and ours to kill: PostgreSQL 15, a 3-node NATS
// cluster, two head-office processes (same database, cluster and signing key), and store servers
// enrolled through the real CLI, each behind its own TCP proxies. Built from the launchers of
// `npm run chain` (head-office/src/chain) and the e2e support.
import { randomBytes } from 'node:crypto';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createUser } from '@nats-io/nkeys';
import pg from 'pg';
import {
  startNatsCluster,
  startPostgres,
  type LocalPostgres,
  type NatsCluster,
} from '@vitrine/head-office/local';
import { renderUsersFile, writeUsersFile } from '@vitrine/head-office/nats-users';
import {
  ensureStores,
  startChainHeadOffice,
  type ChainHeadOffice,
} from '../../head-office/src/chain/chain-head-office';
import type { DemoChainStore } from '../../head-office/src/chain/demo-stores';
import { freePort } from '../support/server-process';
import { mountSmallDisk, type SmallDisk } from '../support/small-disk';
import { loadSigningKey } from '@vitrine/shared/node';
import { REPO_ROOT } from '../support/test-server';
import { enrolChaosStore, startChaosStore, type ChaosStore } from './chaos-store';

type ChaosHeadOffice = {
  name: string;
  /** The running process; undefined while it is down. */
  current: () => ChainHeadOffice | undefined;
  /** The roles this process holds, from its /healthz ([] when it does not answer). */
  roles: () => Promise<string[]>;
  kill: () => Promise<void>;
  start: () => Promise<void>;
};

export type ChaosChain = {
  postgres: LocalPostgres;
  databaseUrl: string;
  /** The run's own connections to head office's database, for its checks. */
  pool: pg.Pool;
  cluster: NatsCluster;
  headOffices: ChaosHeadOffice[];
  /** Head office's files: its signing key, as both processes share it. */
  hqDataDir: string;
  stores: ChaosStore[];
  /** Why no store has a small disk of its own, when none has. */
  smallDiskRefused: string | undefined;
  stop: () => Promise<void>;
};

const REGION = { id: 'chaos', name: 'Chaos' };
// Above 1.5 × the store's storage floor (32 MB by default), so that freeing the disk lets it write again.
const SMALL_DISK_MB = 96;

function chaosStores(count: number): DemoChainStore[] {
  const ids = Array.from({ length: count }, (_, i) => `chaos-${String.fromCharCode(97 + i)}`);
  return ids.map((id) => ({
    id,
    name: `Chaos ${id.slice(-1).toUpperCase()}`,
    region: REGION,
    neighbours: ids.filter((other) => other !== id),
  }));
}

async function headOfficeProcess(
  name: string,
  dir: string,
  options: Omit<Parameters<typeof startChainHeadOffice>[0], 'dir' | 'port'>,
): Promise<ChaosHeadOffice> {
  const port = await freePort();
  mkdirSync(dir, { recursive: true });
  let current: ChainHeadOffice | undefined;
  const start = async () => {
    current = await startChainHeadOffice({ ...options, dir, port });
  };
  await start();
  return {
    name,
    current: () => current,
    roles: async () => {
      if (!current) return [];
      const health = (await fetch(`${current.url}/healthz`, { signal: AbortSignal.timeout(5_000) })
        .then((response) => response.json())
        .catch(() => null)) as { roles?: string[] } | null;
      return health?.roles ?? [];
    },
    kill: async () => {
      const stopping = current;
      current = undefined;
      if (!stopping?.process.running()) return;
      const exited = new Promise((resolve) => stopping.process.child.once('exit', resolve));
      stopping.process.child.kill('SIGKILL');
      await exited;
    },
    start,
  };
}

export async function startChaosChain(options: {
  stores: number;
  /** Head-office processes: 2 unless told (the hq-kill case needs both). */
  headOffices?: 1 | 2;
  /** The last store keeps its data on a small disk of its own (for the full-disk case). */
  smallDisk: boolean;
  say: (line: string) => void;
}): Promise<ChaosChain> {
  const base = mkdtempSync(join(tmpdir(), 'vitrine-chaos-'));
  chmodSync(base, 0o755); // PostgreSQL runs as its own user
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const step of stops.reverse()) await step().catch(() => undefined);
    stops.length = 0;
    rmSync(base, { recursive: true, force: true });
  };
  try {
    const hqKey = createUser();
    const seedFile = join(base, 'hq.seed');
    writeFileSync(seedFile, new TextDecoder().decode(hqKey.getSeed()), { mode: 0o600 });
    const usersFile = join(base, 'users.conf');
    await writeUsersFile(
      usersFile,
      renderUsersFile({ hqPublicKey: hqKey.getPublicKey(), stores: [] }),
    );
    options.say('starting PostgreSQL and a 3-node NATS cluster');
    const [postgres, cluster] = await Promise.all([
      startPostgres({ dir: join(base, 'pg') }),
      startNatsCluster({ dir: join(base, 'nats'), usersFile }),
    ]);
    stops.push(
      () => postgres.stop(),
      () => cluster.stop(),
    );
    const databaseUrl = await postgres.createDatabase('vitrine_hq');
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    pool.on('error', () => undefined); // a PostgreSQL restart ends idle connections
    stops.push(() => pool.end());

    const count = options.headOffices ?? 2;
    options.say(`starting ${count} head-office process${count > 1 ? 'es' : ''}`);
    const adminToken = randomBytes(24).toString('hex');
    const hqOptions = { repoRoot: REPO_ROOT, databaseUrl, cluster, seedFile, adminToken };
    // Every process signs with the one key of head office, made before they start.
    const hqDataDir = join(base, 'hq-a', 'data');
    loadSigningKey(join(hqDataDir, 'signing'));
    const names = ['hq-a', 'hq-b'].slice(0, count);
    for (const name of names.slice(1))
      cpSync(join(hqDataDir, 'signing'), join(base, name, 'data', 'signing'), { recursive: true });
    const headOffices: ChaosHeadOffice[] = [];
    stops.push(() => Promise.all(headOffices.map((hq) => hq?.kill())).then(() => undefined));
    // At once: they migrate behind an advisory lock and set the same streams.
    const started = await Promise.allSettled(
      names.map((name) => headOfficeProcess(name, join(base, name), hqOptions)),
    );
    for (const outcome of started)
      if (outcome.status === 'fulfilled') headOffices.push(outcome.value);
    for (const outcome of started) if (outcome.status === 'rejected') throw outcome.reason;
    const first = headOffices[0]!;
    const admin = first.current()!;

    const list = chaosStores(options.stores);
    await ensureStores(admin.admin, list);
    let disk: SmallDisk | undefined;
    let smallDiskRefused: string | undefined = 'not asked for';
    if (options.smallDisk) {
      const mounted = mountSmallDisk(SMALL_DISK_MB);
      if ('refused' in mounted) smallDiskRefused = mounted.refused;
      else {
        disk = mounted;
        smallDiskRefused = undefined;
        stops.push(() => Promise.resolve(mounted.unmount()));
      }
    }
    const stores: ChaosStore[] = [];
    stops.push(() => Promise.all(stores.map((store) => store?.stop())).then(() => undefined));
    const natsPorts = cluster.nodes.map((node) => node.clientPort);
    const dataDirs = list.map((store, index) =>
      disk && index === list.length - 1 ? join(disk.dir, store.id) : join(base, 'stores', store.id),
    );
    // One at a time: each enrolment reloads the cluster's users file.
    for (const [index, store] of list.entries()) {
      options.say(`enrolling ${store.id} at head office`);
      await enrolChaosStore(admin, store, dataDirs[index]!);
    }
    options.say(`starting ${list.length} store servers and their screens`);
    await Promise.all(
      list.map(async (store, index) => {
        const onDisk = disk && index === list.length - 1 ? { disk } : {};
        const dataDir = dataDirs[index]!;
        stores[index] = await startChaosStore({ store, natsPorts, dataDir, ...onDisk });
      }),
    );
    return {
      postgres,
      databaseUrl,
      pool,
      cluster,
      headOffices,
      hqDataDir,
      stores,
      smallDiskRefused,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
