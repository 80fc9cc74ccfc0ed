// One store of the chaos chain: enrolled at head office through the real CLI, reaching each NATS
// node through a TCP proxy the run controls, a real store-server process that can be killed -9
// and started again on the same ports and data, and its screens: node devices (Dexie, outbox,
// MQTT, replicator) that record events and hold what the store syncs to them.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { DeviceHandle } from '@vitrine/shared/client';
import type { DeviceCredential } from '@vitrine/shared/core';
import type { ChainHeadOffice } from '../../head-office/src/chain/chain-head-office';
import { enrolStore, pointLinkAt } from '../../head-office/src/chain/chain-stores';
import type { DemoChainStore } from '../../head-office/src/chain/demo-stores';
import { startNodeDevice } from '../support/node-device';
import {
  enrolAndApprove,
  freePort,
  spawnServer,
  type ServerProcess,
} from '../support/server-process';
import type { SmallDisk } from '../support/small-disk';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { REPO_ROOT, waitFor } from '../support/test-server';

type LineMode = 'pass' | 'reset' | 'blackhole';

export type ChaosStore = {
  id: string;
  dataDir: string;
  url: string;
  /** The store reaches NATS node i through proxies[i]. */
  proxies: TcpProxy[];
  /** Its screens, recording events and syncing campaigns. */
  devices: DeviceHandle[];
  /** A screen credential of its own, for generated backlogs sent over MQTT. */
  generator: DeviceCredential;
  /** Set when the store's data directory lives on a small disk of its own. */
  disk: SmallDisk | undefined;
  setLine: (mode: LineMode) => void;
  /** kill -9 of the store-server process. */
  kill: () => Promise<void>;
  /** Starts the store server again on the same ports and data directory. */
  restart: () => Promise<void>;
  /** Rows of the store's hq_outbox: events head office has not had acknowledged yet. */
  owed: () => number;
  stop: () => Promise<void>;
};

const SCREENS_PER_STORE = 2;

function countOwed(dbPath: string): number {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    return db.prepare('SELECT COUNT(*) FROM hq_outbox').pluck().get() as number;
  } finally {
    db.close();
  }
}

/** Enrols the store at head office through the real CLI (`npm run hq-enrol`). */
export async function enrolChaosStore(
  hq: ChainHeadOffice,
  store: DemoChainStore,
  dataDir: string,
): Promise<void> {
  await enrolStore(REPO_ROOT, hq, store, dataDir);
}

/** Starts an enrolled store behind its proxies, with its screens online. */
export async function startChaosStore(options: {
  store: DemoChainStore;
  natsPorts: readonly number[];
  dataDir: string;
  disk?: SmallDisk;
}): Promise<ChaosStore> {
  const { store, dataDir } = options;
  const proxies = await Promise.all(
    options.natsPorts.map((targetPort) => startTcpProxy({ targetPort })),
  );
  pointLinkAt(
    dataDir,
    proxies.map((proxy) => `nats://127.0.0.1:${proxy.port}`),
  );
  const ports = {
    httpPort: await freePort(),
    mqttPort: await freePort(),
    httpsPort: await freePort(),
    mqttsPort: await freePort(),
  };
  const launch = () =>
    spawnServer({
      dataDir,
      ...ports,
      store: { id: store.id, currency: 'EUR', timeZone: 'Europe/Paris' },
      extraArgs: ['--plain', 'on', '--hq-link', join(dataDir, 'hq', 'hq-link.json')],
    });
  let server: ServerProcess = await launch();
  const credentials = await Promise.all(
    Array.from({ length: SCREENS_PER_STORE + 1 }, () => enrolAndApprove(server.url, 'signage')),
  );
  const devices = await Promise.all(
    credentials
      .slice(0, SCREENS_PER_STORE)
      .map((credential) => startNodeDevice(server.url, credential, { app: 'signage' })),
  );
  await Promise.all(
    devices.map((device) =>
      waitFor(() => device.link?.state === 'online', 'screen online', 30_000),
    ),
  );
  const dbPath = join(dataDir, 'store.sqlite');
  return {
    id: store.id,
    dataDir,
    url: server.url,
    proxies,
    devices,
    generator: credentials[SCREENS_PER_STORE]!,
    disk: options.disk,
    setLine: (mode) => proxies.forEach((proxy) => proxy.setMode(mode)),
    kill: () => server.kill('SIGKILL'),
    restart: async () => {
      server = await launch();
    },
    owed: () => countOwed(dbPath),
    stop: async () => {
      await Promise.all(devices.map((device) => device.stop().catch(() => undefined)));
      await server.kill('SIGKILL');
      await Promise.all(proxies.map((proxy) => proxy.close()));
    },
  };
}
