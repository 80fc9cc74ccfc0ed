// The chain the neighbour-stock test runs on, every part real: PostgreSQL 15, a 3-node NATS
// cluster whose users file gives each store its permissions (its neighbours' live stock and
// nothing else), a head-office process, and demo store servers linked to it, each a process that
// can be killed and started again on the same data. The stores are written into head office's
// database as enrolment would have them (enrolment itself is link-requests' test).
import { mkdtempSync, rmSync, chmodSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { startPostgres } from '@vitrine/head-office/local';
import type { NeighbourStatus, ProductStock } from '@vitrine/shared/core';
import { startChainParts, type ChainStore } from './chain-parts';
import { headOfficeKey } from './chain-store';
import { launchHeadOffice } from './head-office-process';
import { ADMIN, startStoreServer, type Logs } from './requests-chain';

export type StockStore = {
  id: string;
  dataDir: string;
  logs: Logs;
  url: string | undefined;
  kill: () => Promise<void>;
};

export async function startStockChain(stores: ChainStore[], storeArgs: readonly string[]) {
  const base = mkdtempSync(join(tmpdir(), 'vitrine-neighbour-stock-'));
  chmodSync(base, 0o755); // PostgreSQL runs as user postgres
  const stopAll: (() => Promise<unknown>)[] = [];
  const stop = async () => {
    for (const step of stopAll.reverse()) await step().catch(() => undefined);
    rmSync(base, { recursive: true, force: true });
  };
  try {
    const [postgres, parts] = await Promise.all([
      startPostgres({ dir: join(base, 'pg') }),
      startChainParts(join(base, 'chain'), stores),
    ]);
    stopAll.push(() => Promise.all([parts.stop(), postgres.stop()]));
    const databaseUrl = await postgres.createDatabase('vitrine_hq');
    const hqSeedFile = join(base, 'hq.seed');
    writeFileSync(hqSeedFile, parts.hqSeed, { mode: 0o600 });
    const hq = await launchHeadOffice([
      ...['--database-url', databaseUrl, '--host', '127.0.0.1', '--http-port', '0'],
      ...['--nats-urls', parts.cluster.clientUrls.join(','), '--nats-seed-file', hqSeedFile],
      ...['--admin-token', ADMIN, '--data-dir', join(base, 'hq'), '--log-level', 'info'],
    ]);
    stopAll.push(() => hq.kill('SIGTERM'));
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    pool.on('error', () => undefined);
    stopAll.push(() => pool.end());
    for (const store of stores)
      await pool.query(
        `INSERT INTO stores (id, name, time_zone, currency) VALUES ($1, $1, 'Europe/Paris', 'EUR')`,
        [store.id],
      );
    for (const store of stores)
      for (const [index, neighbour] of (store.neighbours ?? []).entries())
        await pool.query(
          'INSERT INTO store_neighbours (store_id, neighbour_id, rank) VALUES ($1, $2, $3)',
          [store.id, neighbour, index + 1],
        );

    const anchor = headOfficeKey().anchor;
    const running = new Map<string, StockStore>();
    /** Starts (or starts again, on the same data) store `id`'s server. */
    const startStore = async (id: string) => {
      const dataDir = join(base, 'stores', id);
      parts.writeStoreLink(id, dataDir, anchor);
      const store: StockStore = running.get(id) ?? {
        id,
        dataDir,
        logs: [],
        url: undefined,
        kill: () => Promise.resolve(),
      };
      running.set(id, store);
      const server = await startStoreServer(
        id,
        dataDir,
        store.logs,
        (kill) => {
          store.kill = kill;
          stopAll.push(kill);
        },
        ['--demo', ...storeArgs],
      );
      store.url = server.url;
      return store;
    };
    return { base, pool, parts, hq, startStore, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** What store `dataDir` serves its devices: a product's stock record and a neighbour's status. */
export function deviceFacing(dataDir: string, productId: string, neighbour: string) {
  const db = new Database(join(dataDir, 'store.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const body = (collection: string, id: string) =>
      db
        .prepare('SELECT body FROM sync_docs WHERE collection = ? AND id = ? AND deleted = 0')
        .pluck()
        .get(collection, id) as string | undefined;
    const stock = body('stock', productId);
    const status = body('neighbours', neighbour);
    return {
      stock: stock === undefined ? undefined : (JSON.parse(stock) as ProductStock),
      status: status === undefined ? undefined : (JSON.parse(status) as NeighbourStatus),
    };
  } finally {
    db.close();
  }
}
