// A chain of demo stores on this machine (plan §6): PostgreSQL, a 3-node NATS cluster, head
// office and the store servers (the three demo stores unless told), every one a real process
// under `dir`, kept between runs. `npm run chain` (run-chain.ts) prints what this answers; tests
// and the loadtest (e2e/load, with N stores) call it directly.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createUser, fromSeed } from '@nats-io/nkeys';
import { startNatsCluster, startPostgres, type LocalPostgres, type NatsCluster } from '../local';
import { renderUsersFile, writeUsersFile } from '../stores/nats-users';
import { chainCampaign, publishChainCampaign, waitStoreHolds } from './chain-campaign';
import { ensureStores, startChainHeadOffice, type ChainHeadOffice } from './chain-head-office';
import { DEMO_HQ_USER } from './hq-admin';
import { portPicker } from './chain-ports';
import { enrolStore, pointLinkAt, startChainStore, type ChainStore } from './chain-stores';
import { DEMO_CHAIN_STORES, type DemoChainStore } from './demo-stores';
import { writeEndpoints, type ChainEndpoints } from './endpoints';

export const CHAIN_CAMPAIGN_TEXT = 'Vitrine: one campaign, every store';
export const DEFAULT_BASE_PORT = 18_000;

export type ChainOptions = {
  repoRoot: string;
  dir: string;
  /** Preferred ports start here (head office, then 10 per store); 0 = free ports only. */
  basePort?: number;
  /** Products in each demo store's catalogue (the store's --scale); its own default unless told. */
  demoScale?: number;
  /** The stores to run; the three demo stores unless told. */
  stores?: readonly DemoChainStore[];
  /** One line of progress for the person waiting. */
  say?: (line: string) => void;
};

/** Enrolments (one `npm run hq-enrol` process each) run this many at a time. */
const ENROL_CONCURRENCY = 4;
/** Stores starting (and seeding, on their first start) at once: more only queue for the CPUs. */
const START_CONCURRENCY = 6;

export type RunningChain = {
  endpoints: ChainEndpoints;
  stores: ChainStore[];
  endpointsFile: string;
  /** The running parts themselves, for a caller that measures them (pids, database). */
  parts: {
    postgres: LocalPostgres;
    cluster: NatsCluster;
    hq: ChainHeadOffice;
    databaseUrl: string;
  };
  /** Stores, head office, NATS, then PostgreSQL; resolves when every process has exited. */
  stop: () => Promise<void>;
};

/** A file of ours under `.chain`, made once and kept: the same keys and token every run. */
function kept(file: string, make: () => string): string {
  if (!existsSync(file)) writeFileSync(file, `${make()}\n`, { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

async function databaseUrl(postgres: LocalPostgres): Promise<string> {
  try {
    return await postgres.createDatabase('vitrine_hq');
  } catch (error) {
    if ((error as { code?: string }).code === '42P04') return postgres.url('vitrine_hq');
    throw error;
  }
}

/** Runs `task` over `items`, at most `limit` at a time. */
async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

export async function startChain(options: ChainOptions): Promise<RunningChain> {
  const say = options.say ?? (() => undefined);
  const chainStores = options.stores ?? DEMO_CHAIN_STORES;
  const dir = resolve(options.dir);
  const hqDir = join(dir, 'hq');
  mkdirSync(hqDir, { recursive: true });
  chmodSync(dir, 0o755); // PostgreSQL runs as its own user and must reach .chain/pg
  const seedFile = join(hqDir, 'nats.seed');
  const hqKey = kept(seedFile, () => new TextDecoder().decode(createUser().getSeed()));
  // Hex, so a person can paste it anywhere (base64url may start with '-').
  const adminToken = kept(join(hqDir, 'admin-token'), () => randomBytes(24).toString('hex'));
  const usersFile = join(hqDir, 'users.conf');
  // Head office keeps this file from then on (stores' keys, neighbours); a new one holds it alone.
  if (!existsSync(usersFile)) {
    const hqPublicKey = fromSeed(new TextEncoder().encode(hqKey)).getPublicKey();
    await writeUsersFile(usersFile, renderUsersFile({ hqPublicKey, stores: [] }));
  }

  const endpointsFile = join(dir, 'endpoints.json');
  rmSync(endpointsFile, { force: true }); // an earlier run's: written again once all is up
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const step of stops.reverse()) await step().catch(() => undefined);
    stops.length = 0;
  };
  try {
    const natsDir = join(dir, 'nats');
    say(
      existsSync(join(natsDir, 'n1', 'store'))
        ? 'Starting PostgreSQL and the NATS cluster on its old state (up to ~25 s while the nodes elect a leader)…'
        : 'Starting PostgreSQL and a new 3-node NATS cluster…',
    );
    const [pgStart, natsStart] = await Promise.allSettled([
      startPostgres({ dir: join(dir, 'pg'), fsync: true }),
      startNatsCluster({ dir: natsDir, usersFile }),
    ]);
    if (pgStart.status === 'fulfilled') stops.push(() => pgStart.value.stop());
    if (natsStart.status === 'fulfilled') stops.push(() => natsStart.value.stop());
    if (pgStart.status === 'rejected') throw pgStart.reason;
    if (natsStart.status === 'rejected') throw natsStart.reason;
    const postgres = pgStart.value;
    const cluster = natsStart.value;
    const database = await databaseUrl(postgres);

    const ports = portPicker(options.basePort ?? DEFAULT_BASE_PORT);
    say('Starting head office…');
    const hq = await startChainHeadOffice({
      repoRoot: options.repoRoot,
      dir: hqDir,
      databaseUrl: database,
      cluster,
      seedFile,
      port: await ports(0),
      adminToken,
    });
    stops.push(() => hq.process.stop());

    await ensureStores(hq.admin, chainStores);
    await hq.admin.ensureDemoUser();
    await eachLimited(chainStores, ENROL_CONCURRENCY, async (store) => {
      const dataDir = join(dir, 'stores', store.id);
      const enrolled = await enrolStore(options.repoRoot, hq, store, dataDir);
      say(
        enrolled === 'enrolled'
          ? `Enrolled ${store.id} at head office.`
          : `${store.id} is enrolled.`,
      );
      pointLinkAt(dataDir, cluster.clientUrls);
    });
    say(`Starting ${chainStores.length} demo stores (the first start seeds each one)…`);
    const stores: ChainStore[] = [];
    await eachLimited(
      chainStores.map((store, index) => ({ store, index })),
      START_CONCURRENCY,
      async ({ store, index }) => {
        const started = await startChainStore({
          repoRoot: options.repoRoot,
          store,
          dataDir: join(dir, 'stores', store.id),
          ports,
          offset: 10 * (index + 1),
          demoScale: options.demoScale,
        });
        stores[index] = started;
      },
    ).finally(() =>
      stops.push(async () => {
        await Promise.all(stores.map((store) => store?.process.stop()));
      }),
    );

    const published = await publishChainCampaign(
      database,
      join(hqDir, 'data'),
      chainCampaign(CHAIN_CAMPAIGN_TEXT),
    );
    say(`Published campaign ${published.id} r${published.revision}; waiting for every store…`);
    await Promise.all(
      stores.map((store) =>
        waitStoreHolds(store.endpoints.base, published.id, published.revision, 120_000),
      ),
    );

    const endpoints: ChainEndpoints = {
      v: 1,
      pid: process.pid,
      dir,
      startedAt: new Date().toISOString(),
      headOffice: {
        url: hq.url,
        console: `${hq.url}/console/`,
        health: `${hq.url}/healthz`,
        adminToken,
        user: { ...DEMO_HQ_USER },
        pid: hq.process.pid,
      },
      stores: stores.map((store) => store.endpoints),
      nats: cluster.nodes.map((node) => ({
        name: node.name,
        clientUrl: node.clientUrl,
        clientPort: node.clientPort,
        monitorUrl: node.monitorUrl,
        monitorPort: node.monitorPort,
      })),
      postgres: { url: database, port: postgres.port },
      campaign: { id: published.id, revision: published.revision, text: CHAIN_CAMPAIGN_TEXT },
    };
    writeEndpoints(endpointsFile, endpoints);
    return {
      endpoints,
      stores,
      endpointsFile,
      parts: { postgres, cluster, hq, databaseUrl: database },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
