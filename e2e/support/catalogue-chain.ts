// The chain the catalogue catch-up test runs on, every part real: PostgreSQL 15, a 3-node NATS
// cluster whose users file head office keeps, a head-office process (publisher, requests and
// snapshots roles), and one store enrolled with `npm run hq-enrol`'s own code, whose server can
// be stopped and started again on the same data directory. Feeds are written as TSV files.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createUser } from '@nats-io/nkeys';
import { connect, nkeyAuthenticator, type NatsConnection } from '@nats-io/transport-node';
import pg from 'pg';
import Database from 'better-sqlite3';
import { apiClient, hqRoutes } from '@vitrine/shared/core';
import { startNatsCluster, startPostgres } from '@vitrine/head-office/local';
import { renderUsersFile } from '@vitrine/head-office/nats-users';
import { launchHeadOffice, type HeadOfficeProcess } from './head-office-process';
import { runScript } from './requests-chain';
import { freePort, spawnServer, type ServerProcess } from './server-process';
import { waitFor } from './test-server';

/** Head office's admin token in these chains (its console signs in with it too). */
export const CATALOGUE_CHAIN_ADMIN = 'catalogue-admin-token-0123456789';
const ADMIN = CATALOGUE_CHAIN_ADMIN;

export type FeedProduct = { id: string; name: string; priceCents: number };

/** A products feed: each product in sizes S and M at its price. */
export function productsFeed(products: readonly FeedProduct[]): string {
  const header =
    'id\titem_group_id\ttitle\ttitle@en\tdescription\tprice\tavailability\tbrand\tsize\tproduct_type\tproduct_type@en';
  const money = (cents: number) => `${(cents / 100).toFixed(2)} EUR`;
  const lines = products.flatMap((product) =>
    ['S', 'M'].map((size) =>
      [
        `${product.id}-${size}`,
        product.id,
        product.name,
        product.name,
        `${product.name}, en coton.`,
        money(product.priceCents),
        'in_stock',
        'Vitrine',
        size,
        'Mode > Chemises',
        'Fashion > Shirts',
      ].join('\t'),
    ),
  );
  return [header, ...lines].join('\n') + '\n';
}

/** An inventory feed: one store's own price of some items. */
export function inventoryFeed(
  storeId: string,
  lines: readonly { itemId: string; priceCents: number }[],
): string {
  return (
    ['store_code\titemid\tquantity\tprice']
      .concat(
        lines.map(
          (line) => `${storeId}\t${line.itemId}\t5\t${(line.priceCents / 100).toFixed(2)} EUR`,
        ),
      )
      .join('\n') + '\n'
  );
}

/** What the store holds in the chain's collections and its checkpoints, read from its database. */
export function storeCatalogue(dataDir: string) {
  const db = new Database(join(dataDir, 'store.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const docs = db
      .prepare(
        `SELECT collection, id, body FROM sync_docs WHERE deleted = 0
          AND collection IN ('products', 'locations') ORDER BY collection, id`,
      )
      .all() as { collection: string; id: string; body: string }[];
    const checkpoints = Object.fromEntries(
      (
        db.prepare('SELECT stream, rev FROM hq_checkpoints').all() as {
          stream: string;
          rev: number;
        }[]
      ).map((row) => [row.stream, row.rev]),
    ) as { chain?: number; store?: number };
    const refusals = db.prepare('SELECT COUNT(*) FROM link_refusals').pluck().get() as number;
    return { docs, checkpoints, refusals };
  } finally {
    db.close();
  }
}

/** How far the store is, cheaply (polled): its live products and its chain checkpoint. */
export function storeProgress(dataDir: string): { products: number; chain: number } {
  const db = new Database(join(dataDir, 'store.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const products = db
      .prepare("SELECT COUNT(*) FROM sync_docs WHERE collection = 'products' AND deleted = 0")
      .pluck()
      .get() as number;
    const chain = db
      .prepare("SELECT rev FROM hq_checkpoints WHERE stream = 'chain'")
      .pluck()
      .get() as number | undefined;
    return { products, chain: chain ?? 0 };
  } finally {
    db.close();
  }
}

export async function startCatalogueChain(
  storeId: string,
  record: { timeZone: string; currency: string } = { timeZone: 'Europe/Paris', currency: 'EUR' },
) {
  const base = mkdtempSync(join(tmpdir(), 'vitrine-catalogue-chain-'));
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
  let server: ServerProcess | undefined;
  const stopAll: (() => Promise<unknown>)[] = [
    () => Promise.all([cluster.stop(), postgres.stop()]),
  ];
  const stop = async () => {
    await server?.kill('SIGKILL').catch(() => undefined);
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
    const admin = apiClient(hqRoutes, {
      baseUrl: hq.url,
      authorization: () => `Bearer ${ADMIN}`,
    });
    await admin.stores.create({
      body: { id: storeId, name: `Store ${storeId}`, ...record },
    });
    const { code } = await admin.stores.createEnrolCode({ params: { id: storeId }, body: {} });
    const dataDir = join(base, 'store');
    let enrolled = { code: null as number | null, out: '' };
    // Enrolment answers 503 until head office's link is up.
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

    const startStore = async () => {
      server = await spawnServer({
        dataDir,
        httpPort: await freePort(),
        mqttPort: await freePort(),
        store: { id: storeId },
        extraArgs: ['--plain', 'on', '--hq-link', join(dataDir, 'hq', 'hq-link.json')],
      });
      return server;
    };
    const stopStore = async () => {
      await server?.kill('SIGKILL');
      server = undefined;
    };
    /** Uploads one feed file to head office's import route. */
    const importFeed = (
      kind: 'products' | 'inventory',
      mode: 'full' | 'incremental',
      text: string,
    ) =>
      admin.catalogue.importFeed({
        params: { kind },
        query: { mode, name: `${kind}.tsv` },
        body: new TextEncoder().encode(text),
        contentType: 'text/tab-separated-values',
      });
    return { pool, cluster, hqNats, hq, admin, dataDir, startStore, stopStore, importFeed, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
