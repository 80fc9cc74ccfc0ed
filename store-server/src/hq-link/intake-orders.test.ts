// Whatever order JetStream delivers in, however often it redelivers, and whenever the store
// restarts, a store that acks as the intake says ends holding what in-order delivery gives.
import { encodeLinkMessage } from '@vitrine/shared/core';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/database';
import {
  campaign,
  headOffice,
  holdings,
  openStore,
  product,
  type TestStore,
} from './intake-test-support';
import type { LinkStream } from './intake';

const ho = headOffice();
const opened: Db[] = [];
const open = (dir?: string): TestStore => {
  const store = openStore(ho.anchor, dir);
  opened.push(store.db);
  return store;
};
afterAll(() => {
  for (const db of opened) if (db.open) db.close();
});

type Delivery = { stream: LinkStream; rev: number; bytes: Uint8Array };

const products = (rev: number, atomicUntil: number | undefined, docs: object[]) => ({
  v: 1,
  rev,
  type: 'catalogue',
  ...(atomicUntil !== undefined && { atomicUntil }),
  docs,
});
const doc = (body: ReturnType<typeof product>) => ({ c: 'products', id: body.id, body });
const pricing = (rev: number, atomicUntil: number | undefined, prices: object[]) => ({
  v: 1,
  rev,
  type: 'prices',
  ...(atomicUntil !== undefined && { atomicUntil }),
  prices,
});
const signed = (rev: number, id: string, revision: number) => ({
  v: 1,
  rev,
  type: 'campaign',
  campaign: ho.sign(campaign(id, revision)),
});
const tampered = (rev: number) => {
  const envelope = ho.sign(campaign('forged', 1));
  return {
    v: 1,
    rev,
    type: 'campaign',
    campaign: { ...envelope, payload: envelope.payload.replace('Campaign', 'Campagne') },
  };
};

/** Both streams of one scenario: chunks, a forgery, garbage, prices before their products. */
const chain = [
  products(1, undefined, [doc(product('p1')), doc(product('p2'))]),
  products(2, 4, [doc(product('p3'))]),
  products(3, 4, [doc(product('p4'))]),
  products(4, 4, [doc(product('p1', 3_190)), { c: 'products', id: 'p2', del: true }]),
  signed(5, 'spring', 1),
  tampered(6),
  { v: 1, rev: 7, type: 'settings', settings: { currency: 'EUR' } },
  products(8, undefined, []), // fails its schema: a delta has at least one document
  products(9, undefined, [doc(product('p5', 990))]),
  signed(10, 'spring', 2),
];
const store = [
  pricing(1, undefined, [{ productId: 'p1', variantId: 'p1-s', priceCents: 2_490 }]),
  pricing(2, 3, [{ productId: 'p3', variantId: 'p3-m', priceCents: 1_990 }]),
  pricing(3, 3, [{ productId: 'p5', variantId: 'p5-s', sale: { priceCents: 500 } }]),
  { v: 1, rev: 4, type: 'neighbours', neighbours: ['lyon', 'nice'] },
  { v: 1, rev: 5, type: 'settings', settings: { currency: 'CHF' } },
  pricing(6, undefined, [{ productId: 'p1', variantId: 'p1-s' }]),
  signed(7, 'store-only', 1),
  pricing(8, 9, []), // a garbled first chunk: its change is refused whole
  pricing(9, 9, [{ productId: 'p4', variantId: 'p4-s', priceCents: 100 }]),
  pricing(10, undefined, [{ productId: 'p4', variantId: 'p4-m', priceCents: 4_000 }]),
  {
    v: 1,
    rev: 11,
    type: 'stock',
    atomicUntil: 12,
    lines: [{ productId: 'p1', variantId: 'p1-s', units: 3 }],
  },
  {
    v: 1,
    rev: 12,
    type: 'stock',
    atomicUntil: 12,
    lines: [{ productId: 'p9', variantId: 'p9-m', units: 1 }],
  },
];
const deliveries: Delivery[] = [
  ...chain.map((message) => ({
    stream: 'HQ_CHAIN' as const,
    rev: message.rev,
    bytes: encodeLinkMessage(message),
  })),
  ...store.map((message) => ({
    stream: 'HQ_STORES' as const,
    rev: message.rev,
    bytes: encodeLinkMessage(message),
  })),
];

async function inOrder() {
  const { db, intake } = open();
  for (const delivery of deliveries) {
    const { outcome } = await intake.receive(delivery.stream, delivery.bytes);
    expect(outcome).not.toBe('gap');
  }
  return holdings(db);
}

/**
 * Each pick delivers one message: one not acked yet or, now and then, one acked already (a
 * redelivery); some picks restart the store instead. After the picks, JetStream's own order
 * (each stream's unacked messages by revision) delivers the rest.
 */
async function shuffled(picks: number[]) {
  let store = open();
  const unacked = new Set(deliveries);
  const acked = new Set<Delivery>();
  const deliver = async (delivery: Delivery) => {
    const { outcome } = await store.intake.receive(delivery.stream, delivery.bytes);
    if (outcome === 'gap') return;
    unacked.delete(delivery);
    acked.add(delivery);
  };
  for (const pick of picks) {
    if (pick % 17 === 0) {
      store.db.close();
      store = open(store.dir);
      continue;
    }
    const candidates = pick % 4 === 0 ? [...acked] : [...unacked];
    const delivery = candidates[pick % Math.max(candidates.length, 1)];
    if (delivery) await deliver(delivery);
  }
  for (const delivery of [...unacked].sort((a, b) => a.rev - b.rev)) await deliver(delivery);
  expect(unacked.size).toBe(0);
  return holdings(store.db);
}

describe('the store intake, whatever the delivery', () => {
  it('ends as in-order delivery does, for any order, redelivery and restart', async () => {
    const expected = await inOrder();
    // The scenario says what it means to: refusals on record, nothing left waiting.
    expect(expected.refusals.map((row) => [row.stream, row.rev])).toEqual([
      ['chain', 6],
      ['chain', 8],
      ['store', 8],
      ['store', 9],
    ]);
    expect(expected.checkpoints).toEqual([
      { stream: 'chain', rev: 10 },
      { stream: 'store', rev: 12 },
    ]);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(1_000), { minLength: 40, maxLength: 120 }),
        async (picks) => {
          expect(await shuffled(picks)).toEqual(expected);
        },
      ),
      { numRuns: 30 },
    );
  });
});
