// Head office's side of neighbours' stock, on a real PostgreSQL and nats-server: a store's stock
// batches (published with its own key on its own subject) land in store_stock exactly once and in
// storeSeq order, whatever order and however often they arrive; a neighbour catching up gets pages
// of what changed after its storeSeq, and a store that is not configured as a neighbour gets nothing.
import { createUser, type KeyPair } from '@nats-io/nkeys';
import { jetstream } from '@nats-io/jetstream';
import { connect, nkeyAuthenticator, type NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  decodeLinkMessage,
  encodeLinkMessage,
  linkReplySchema,
  stockMsgId,
  storeInboxPrefix,
  storeSubjects,
  type StockBatch,
} from '@vitrine/shared/core';
import { newStore, startStoresTestBed } from '../stores/test-bed';
import { answerStockCatchUp } from './answer-catch-up';

let bed: Awaited<ReturnType<typeof startStoresTestBed>>;
const keys = new Map<string, KeyPair>();
const open: NatsConnection[] = [];

async function enrol(id: string, neighbours: string[] = []) {
  expect((await bed.call('POST', '/stores', newStore(id, neighbours))).status).toBe(201);
  const code = await bed.call('POST', `/stores/${id}/enrol-codes`, { ttlMinutes: 5 });
  const pair = createUser();
  const body = { code: code.json.code, storeId: id, publicKey: pair.getPublicKey() };
  expect((await bed.call('POST', '/enrol', body, { token: null })).status).toBe(200);
  keys.set(id, pair);
}

async function asStore(id: string) {
  const nc = await connect({
    servers: bed.node.url,
    authenticator: nkeyAuthenticator(keys.get(id)!.getSeed()),
    inboxPrefix: storeInboxPrefix(id),
    maxReconnectAttempts: 0,
  });
  open.push(nc);
  return nc;
}

const at = (minute: number) => new Date(Date.UTC(2026, 11, 7, 9, minute)).toISOString();
const batch = (storeSeq: number, lines: StockBatch['lines']): StockBatch => ({
  v: 1,
  type: 'stock',
  storeSeq,
  confirmedAt: at(storeSeq),
  lines,
});

async function publish(nc: NatsConnection, storeId: string, message: StockBatch) {
  await jetstream(nc).publish(storeSubjects(storeId).stock, encodeLinkMessage(message), {
    msgID: stockMsgId(storeId, message.storeSeq),
  });
}

async function catchUp(nc: NatsConnection, storeId: string, neighbour: string, afterSeq: number) {
  const reply = await nc.request(
    storeSubjects(storeId).req['stock-catch-up'],
    encodeLinkMessage({ v: 1, type: 'stock-catch-up', neighbour, afterSeq }),
    { timeout: 5_000 },
  );
  const parsed = decodeLinkMessage(linkReplySchema('stock-catch-up'), reply.data);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value as Record<string, unknown>;
}

async function head(storeId: string): Promise<number> {
  const row = await bed.hq.pool.query<{ store_seq: string }>(
    'SELECT store_seq FROM store_stock_heads WHERE store_id = $1',
    [storeId],
  );
  return Number(row.rows[0]?.store_seq ?? 0);
}

async function until(check: () => Promise<boolean>) {
  const deadline = Date.now() + 20_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  bed = await startStoresTestBed();
  await enrol('A');
  await enrol('B', ['A']);
  await enrol('C');
}, 120_000);
afterAll(async () => {
  await Promise.all(open.map((nc) => nc.close()));
  await bed?.stop();
});

describe('neighbours’ stock at head office', () => {
  it('stores each batch once, in storeSeq order, and pages it to a configured neighbour', async () => {
    const a = await asStore('A');
    // Batch 2 arrives before 1, batch 1 twice under another id: stored once each, in order.
    await publish(a, 'A', batch(2, [{ productId: 'p1', variantId: 's', units: 4 }]));
    await publish(
      a,
      'A',
      batch(1, [
        { productId: 'p1', variantId: 's', units: 9, aisle: 'A1' },
        { productId: 'p2', variantId: 'm', units: 1 },
      ]),
    );
    await jetstream(a).publish(
      storeSubjects('A').stock,
      encodeLinkMessage(batch(1, [{ productId: 'p2', variantId: 'm', units: 99 }])),
      { msgID: 'A:stock:resent-after-the-window' },
    );
    await publish(a, 'A', batch(3, [])); // a re-confirmation
    await until(async () => (await head('A')) === 3);
    const rows = await bed.hq.pool.query(
      `SELECT product_id, variant_id, units, aisle, store_seq::int AS seq FROM store_stock
       WHERE store_id = 'A' ORDER BY product_id`,
    );
    expect(rows.rows).toEqual([
      { product_id: 'p1', variant_id: 's', units: 4, aisle: null, seq: 2 },
      { product_id: 'p2', variant_id: 'm', units: 1, aisle: null, seq: 1 },
    ]);

    const b = await asStore('B');
    expect(await catchUp(b, 'B', 'A', 0)).toEqual({
      v: 1,
      type: 'stock-catch-up',
      neighbour: 'A',
      lines: [
        { productId: 'p2', variantId: 'm', units: 1, storeSeq: 1, confirmedAt: at(1) },
        { productId: 'p1', variantId: 's', units: 4, storeSeq: 2, confirmedAt: at(2) },
      ],
      untilSeq: 3,
      headSeq: 3,
      confirmedAt: at(3),
    });
    expect(await catchUp(b, 'B', 'A', 2)).toMatchObject({ lines: [], untilSeq: 3 });
    // C is not A's neighbour: neither the catch-up nor (its permissions) the live subject.
    const c = await asStore('C');
    expect(await catchUp(c, 'C', 'A', 0)).toEqual({
      v: 1,
      type: 'error',
      error: 'store A is not a neighbour of store C',
    });
  });

  it('ends a full page before the batch it cuts, so the next page starts at that batch', async () => {
    const page = await answerStockCatchUp(
      bed.hq.pool,
      'B',
      { v: 1, type: 'stock-catch-up', neighbour: 'A', afterSeq: 0 },
      2,
    );
    // Two lines fit, but the second is batch 2's only line: the page ends with batch 1.
    expect(page).toMatchObject({ untilSeq: 1, headSeq: 3 });
    expect(page.lines.map((line) => line.storeSeq)).toEqual([1]);
    const one = await answerStockCatchUp(
      bed.hq.pool,
      'B',
      { v: 1, type: 'stock-catch-up', neighbour: 'A', afterSeq: 0 },
      1,
    );
    // A page of one cut inside batch 1 still sends that batch whole.
    expect(one).toMatchObject({ untilSeq: 1 });
  });
});
