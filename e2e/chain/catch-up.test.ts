// The chain's catalogue from head office to a store, on real parts (PostgreSQL, a 3-node NATS
// cluster, a head-office process, a store-server process): a product imported at head office
// reaches the store's screens with the store's own price; a store that was down while head office
// published several changes catches up in order when it comes back; a store whose checkpoint is
// older than what the streams keep gets a fresh snapshot and ends with exactly head office's
// catalogue. Prints how long the import took to reach the store and the snapshot to apply.
import { loadavg } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { jetstreamManager } from '@nats-io/jetstream';
import {
  apiRoutes,
  callRoute,
  deviceBearer,
  itemPriceOf,
  STREAMS,
  type Product,
} from '@vitrine/shared/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  inventoryFeed,
  productsFeed,
  startCatalogueChain,
  storeCatalogue,
  storeProgress,
  type FeedProduct,
} from '../support/catalogue-chain';
import { enrolAndApprove } from '../support/server-process';
import { waitFor } from '../support/test-server';

const STORE = 'lyon';
/** The demo catalogue's size by default (npm start's 2,000 products). */
const PRODUCTS = Number(process.env.VITRINE_CATCH_UP_PRODUCTS ?? 2_000);
const figures: Record<string, number | string> = {};

let chain: Awaited<ReturnType<typeof startCatalogueChain>>;
let storeUrl: string;
const catalogue: FeedProduct[] = Array.from({ length: PRODUCTS }, (_, i) => ({
  id: `P${String(i).padStart(6, '0')}`,
  name: `Chemise ${i}`,
  priceCents: 2_990,
}));
const [p1, p2, p3, p4] = catalogue as [FeedProduct, FeedProduct, FeedProduct, FeedProduct];

const held = () => storeCatalogue(chain.dataDir);
/** The chain's last revision, once head office's publisher has sent everything. */
async function chainHead(): Promise<number> {
  await waitFor(
    async () =>
      (await chain.pool.query('SELECT 1 FROM link_outbox WHERE published_at IS NULL')).rowCount ===
      0,
    "head office's outbox published",
    30_000,
  );
  const head = await chain.pool.query<{ rev: string }>(
    "SELECT rev FROM link_heads WHERE key = 'chain'",
  );
  return Number(head.rows[0]?.rev ?? 0);
}

/** The store's products as its screens pull them (a kiosk's sync), by id. */
async function screensProducts(url: string): Promise<Map<string, Product>> {
  const kiosk = await enrolAndApprove(url, 'kiosk');
  const products = new Map<string, Product>();
  for (let since = 0; ;) {
    const page = await callRoute(
      { baseUrl: url, authorization: () => deviceBearer(kiosk) },
      apiRoutes.sync.pull,
      { query: { since } },
    );
    for (const doc of page.docs)
      if (doc.c === 'products') {
        if ('body' in doc && doc.body) products.set(doc.id, doc.body as Product);
        else products.delete(doc.id);
      }
    if (page.until >= page.head || page.docs.length === 0) return products;
    since = page.until;
  }
}

const priceOfSize = (product: Product | undefined, size: string) => {
  const variant = product?.variants.find((candidate) => candidate.size === size);
  return variant && product ? itemPriceOf(product, variant.id).priceCents : undefined;
};

beforeAll(async () => {
  chain = await startCatalogueChain(STORE);
  storeUrl = (await chain.startStore()).url;
}, 180_000);

afterAll(async () => {
  const warnings = chain?.hq.logs.filter((line) => Number(line.level) >= 40) ?? [];
  if (warnings.length > 0)
    console.log('head office warnings:', JSON.stringify(warnings.slice(0, 20)));
  await chain?.stop();
  console.log(
    `catalogue catch-up figures (${PRODUCTS} products, load ${loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')}):`,
    JSON.stringify(figures),
  );
});

describe("the chain's catalogue reaches a store", () => {
  it("brings a product imported at head office to the store's screens, with the store's price", async () => {
    const started = performance.now();
    const imported = await chain.importFeed('products', 'full', productsFeed(catalogue));
    expect(imported).toMatchObject({ state: 'applied', written: PRODUCTS, withdrawn: 0 });
    figures.hqImportMs = Math.round(performance.now() - started);
    await waitFor(
      () => Promise.resolve(storeProgress(chain.dataDir).products === PRODUCTS),
      'every product at the store',
      120_000,
    );
    figures.importToStoreMs = Math.round(performance.now() - started);

    const priced = await chain.importFeed(
      'inventory',
      'incremental',
      inventoryFeed(STORE, [{ itemId: `${p1.id}-M`, priceCents: 2_490 }]),
    );
    expect(priced).toMatchObject({ state: 'applied', storePrices: 1 });
    const url = storeUrl;
    await waitFor(
      async () => priceOfSize((await screensProducts(url)).get(p1.id), 'M') === 2_490,
      "the store's own price on its screens",
      30_000,
    );
    const onScreens = (await screensProducts(url)).get(p1.id);
    expect([priceOfSize(onScreens, 'S'), priceOfSize(onScreens, 'M')]).toEqual([2_990, 2_490]);
    expect(held().refusals).toBe(0);
  }, 180_000);

  it('catches up in order on what head office published while it was down', async () => {
    await chain.stopStore();
    for (const priceCents of [3_000, 3_100, 3_200])
      expect(
        await chain.importFeed('products', 'incremental', productsFeed([{ ...p2, priceCents }])),
      ).toMatchObject({ state: 'applied', written: 1 });
    const added = { id: 'NEW-1', name: 'Chemise nouvelle', priceCents: 4_990 };
    await chain.importFeed('products', 'incremental', productsFeed([added]));
    const head = await chainHead();
    const restarted = performance.now();
    await chain.startStore();
    await waitFor(
      () => Promise.resolve(storeProgress(chain.dataDir).chain === head),
      'caught up',
      60_000,
    );
    figures.catchUpMs = Math.round(performance.now() - restarted);
    const products = new Map(
      held()
        .docs.filter((doc) => doc.collection === 'products')
        .map((doc) => [doc.id, JSON.parse(doc.body) as Product]),
    );
    // Three prices of the same product, one after another: only the last one stands.
    expect(priceOfSize(products.get(p2.id), 'S')).toBe(3_200);
    expect(products.has('NEW-1')).toBe(true);
    expect(held().refusals).toBe(0);
    const snapshots = await chain.pool.query('SELECT 1 FROM store_snapshots');
    expect(snapshots.rowCount).toBe(0);
  }, 120_000);

  it("gets a fresh snapshot when it was down longer than the streams keep, and ends with head office's catalogue", async () => {
    await chain.stopStore();
    // Head office withdraws one product (a full feed without it) and changes another.
    const now = catalogue.filter((product) => product !== p3);
    now[now.indexOf(p4)] = { ...p4, name: 'Chemise renommée' };
    const full = await chain.importFeed(
      'products',
      'full',
      productsFeed([...now, { id: 'NEW-1', name: 'Chemise nouvelle', priceCents: 4_990 }]),
    );
    expect(full).toMatchObject({ state: 'applied', withdrawn: 1 });
    expect(
      await chain.importFeed(
        'products',
        'incremental',
        productsFeed([{ ...p2, priceCents: 3_300 }]),
      ),
    ).toMatchObject({ state: 'applied' });
    // A tiny retention: the chain's stream has let go of all but its last message.
    const head = await chainHead();
    const jsm = await jetstreamManager(chain.hqNats, { timeout: 10_000 });
    await jsm.streams.purge(STREAMS.hqChain, { keep: 1 });
    expect(held().checkpoints.chain).toBeLessThan(head - 1);

    const restarted = performance.now();
    await chain.startStore();
    await waitFor(
      () => Promise.resolve(storeProgress(chain.dataDir).chain >= head),
      'the fresh snapshot applied',
      90_000,
    );
    figures.snapshotCatchUpMs = Math.round(performance.now() - restarted);
    // Head office logs the snapshot once it has also recorded it, which can be after the store
    // applied it (a quiet machine): wait for the line.
    const sent = await waitFor(
      () => chain.hq.logs.find((line) => line.msg === 'fresh snapshot sent to a store'),
      "head office's log of the snapshot it sent",
      30_000,
    );
    expect(sent).toMatchObject({ store: STORE });
    figures.snapshotSendMs = sent.ms as number;
    figures.snapshotBytes = sent.bytes as number;

    // Exactly head office's catalogue: the same documents, the store's own price aside.
    const hqDocs = await chain.pool.query<{ collection: string; id: string; body: string }>(
      'SELECT collection, id, body FROM catalogue_docs ORDER BY collection, id',
    );
    const store = held().docs;
    expect(store.map((doc) => `${doc.collection}/${doc.id}`)).toEqual(
      hqDocs.rows.map((doc) => `${doc.collection}/${doc.id}`),
    );
    expect(store.some((doc) => doc.id === p3.id)).toBe(false);
    const hqById = new Map(hqDocs.rows.map((doc) => [`${doc.collection}/${doc.id}`, doc.body]));
    const differing = store.filter(
      (doc) =>
        !isDeepStrictEqual(
          JSON.parse(doc.body),
          JSON.parse(hqById.get(`${doc.collection}/${doc.id}`)!),
        ),
    );
    expect(differing.map((doc) => doc.id)).toEqual([p1.id]);
    const own = JSON.parse(differing[0]!.body) as Product;
    expect([priceOfSize(own, 'S'), priceOfSize(own, 'M')]).toEqual([2_990, 2_490]);
    expect(held().refusals).toBe(0);
  }, 180_000);
});
