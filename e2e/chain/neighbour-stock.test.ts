// Neighbours' stock end to end on real parts: PostgreSQL, a 3-node NATS cluster, a head-office
// process and three demo store servers. A stock change at store A reaches store B (A's neighbour)
// in the stock record B serves its devices, with when A confirmed it; B, away while A changed,
// catches up from head office when it is back; store C, not A's neighbour, can neither hear A's
// stock nor ask head office for it; and once A is gone, B's screens stop showing A's figure after
// the window instead of a stale number. Times each change from A's API to B's record.
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { connect, nkeyAuthenticator, type NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiRoutes,
  decodeLinkMessage,
  encodeLinkMessage,
  linkReplySchema,
  neighbourFigure,
  routeUrl,
  storeInboxPrefix,
  storeSubjects,
  type ProductStock,
} from '@vitrine/shared/core';
import { ADMIN } from '../support/requests-chain';
import { deviceFacing, startStockChain, type StockStore } from '../support/stock-chain';
import { waitFor } from '../support/test-server';

const A = 'paris-rivoli';
const B = 'lyon-bellecour';
const C = 'marseille-prado';
/** A short "confirmed within" window for the test; stores re-confirm every second. */
const WINDOW_MS = 4_000;
const CHANGES = 20;

let chain: Awaited<ReturnType<typeof startStockChain>>;
const stores = new Map<string, StockStore>();
const store = (id: string) => stores.get(id)!;

beforeAll(async () => {
  chain = await startStockChain(
    [{ id: A }, { id: B, neighbours: [A] }, { id: C }],
    ['--scale', '40', '--hq-stock-reconfirm', '1'],
  );
  for (const started of await Promise.all([A, B, C].map((id) => chain.startStore(id))))
    stores.set(started.id, started);
}, 240_000);
afterAll(() => chain?.stop());

/** Products of A's with a level of A's own: [product id, a variant id]. */
function itemsAtA(count: number): [string, string][] {
  const db = new Database(join(store(A).dataDir, 'store.sqlite'), { readonly: true });
  try {
    const bodies = db
      .prepare("SELECT body FROM sync_docs WHERE collection = 'stock' AND deleted = 0 ORDER BY id")
      .pluck()
      .all() as string[];
    const items: [string, string][] = [];
    for (const body of bodies) {
      const stock = JSON.parse(body) as ProductStock;
      const variant = Object.keys(
        stock.levels.find((l) => l.locationId === A)?.quantities ?? {},
      )[0];
      if (variant) items.push([stock.id, variant]);
      if (items.length === count) break;
    }
    return items;
  } finally {
    db.close();
  }
}

/** The store's stock system sets A's units of one item (the route a correction goes through). */
async function setAtA(productId: string, variantId: string, quantity: number) {
  const response = await fetch(
    routeUrl(store(A).url!, apiRoutes.stock.setStock, { params: { id: productId } }),
    {
      method: 'PUT',
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ locationId: A, variantId, quantity }),
    },
  );
  expect(response.status).toBe(200);
}

const unitsAtB = (productId: string, variantId: string) =>
  deviceFacing(store(B).dataDir, productId, A).stock?.levels.find((l) => l.locationId === A)
    ?.quantities[variantId];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

describe('neighbours’ stock across the chain', () => {
  it('brings a change at A to the stock record B serves, with when A confirmed it', async () => {
    const [[productId, variantId]] = itemsAtA(1) as [[string, string]];
    const timings: number[] = [];
    for (let i = 1; i <= CHANGES; i++) {
      const quantity = 500 + i;
      const started = performance.now();
      await setAtA(productId, variantId, quantity);
      // The first change also waits for B's first catch-up of A's whole stock.
      const deadline = Date.now() + (i === 1 ? 60_000 : 15_000);
      while (unitsAtB(productId, variantId) !== quantity) {
        if (Date.now() > deadline) throw new Error(`change ${i} never reached B`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      if (i > 1) timings.push(performance.now() - started);
    }
    const sorted = [...timings].sort((x, y) => x - y);
    console.log(
      `stock change at A → B's stock record, ${sorted.length} changes: p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`,
    );
    const { stock, status } = deviceFacing(store(B).dataDir, productId, A);
    const level = stock!.levels.find((l) => l.locationId === A)!;
    expect(level.confirmedAt).toEqual(expect.any(String));
    expect(status).toMatchObject({ id: A });
    expect(neighbourFigure(level, status, Date.now(), WINDOW_MS).kind).toBe('confirmed');
    // B's own level is still B's, without a confirmation stamp.
    expect(stock!.levels.find((l) => l.locationId === B)?.confirmedAt).toBeUndefined();
  });

  it('catches B up from head office on what A changed while B was away', async () => {
    const [first, second] = itemsAtA(2) as [[string, string], [string, string]];
    await store(B).kill();
    await setAtA(...first, 7);
    await setAtA(...second, 3);
    // Head office has both before B is back: B learns them only by asking for them.
    await waitFor(
      async () => {
        const rows = await chain.pool.query(
          `SELECT count(*)::int AS n FROM store_stock WHERE store_id = $1 AND
             ((product_id = $2 AND variant_id = $3 AND units = 7) OR
              (product_id = $4 AND variant_id = $5 AND units = 3))`,
          [A, ...first, ...second],
        );
        return (rows.rows[0] as { n: number }).n === 2;
      },
      'head office holding A’s changes',
      30_000,
    );
    await chain.startStore(B);
    await waitFor(
      () => unitsAtB(...first) === 7 && unitsAtB(...second) === 3,
      'B caught up on A’s changes',
      60_000,
    );
  });

  it('keeps A’s stock from a store that is not its neighbour', async () => {
    const nc: NatsConnection = await connect({
      servers: [...chain.parts.cluster.clientUrls],
      authenticator: nkeyAuthenticator(chain.parts.keys.get(C)!.getSeed()),
      inboxPrefix: storeInboxPrefix(C),
      maxReconnectAttempts: 0,
    });
    try {
      const refused = new Promise<string>((resolve) => {
        nc.subscribe(storeSubjects(A).stock, {
          callback: (error) => resolve(error ? error.message : 'a message was delivered'),
        });
      });
      expect(await refused).toMatch(/permissions violation/i);
      const reply = await nc.request(
        storeSubjects(C).req['stock-catch-up'],
        encodeLinkMessage({ v: 1, type: 'stock-catch-up', neighbour: A, afterSeq: 0 }),
        { timeout: 10_000, noMux: true },
      );
      expect(decodeLinkMessage(linkReplySchema('stock-catch-up'), reply.data)).toEqual({
        ok: true,
        value: { v: 1, type: 'error', error: `store ${A} is not a neighbour of store ${C}` },
      });
    } finally {
      await nc.close();
    }
  });

  it('stops showing A’s figure at B once A has been gone longer than the window', async () => {
    const [[productId]] = itemsAtA(1) as [[string, string]];
    const figure = () => {
      const { stock, status } = deviceFacing(store(B).dataDir, productId, A);
      return neighbourFigure(
        stock?.levels.find((l) => l.locationId === A),
        status,
        Date.now(),
        WINDOW_MS,
      );
    };
    // A re-confirms every second: its figure stays fresh at B.
    await waitFor(() => figure().kind === 'confirmed', 'A’s figure confirmed at B', 30_000);
    await new Promise((resolve) => setTimeout(resolve, WINDOW_MS + 1_000));
    expect(figure().kind).toBe('confirmed');
    await store(A).kill();
    const gone = Date.now();
    await waitFor(() => figure().kind === 'unavailable', 'A’s figure unavailable at B', 30_000);
    const after = Date.now() - gone;
    // Not before the window has (nearly) run since A's last re-confirmation.
    expect(after).toBeGreaterThan(WINDOW_MS - 1_500);
    expect(after).toBeLessThan(WINDOW_MS + 3_000);
  });
});
