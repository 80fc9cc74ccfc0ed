// A fresh snapshot from head office on real SQLite: applied like a full import (what head office
// no longer has is withdrawn, the store's own prices become the snapshot's), taken after a gap,
// the same snapshot twice changes nothing, and a chain part whose bytes are not the ones the
// message names (a tampered object) is refused on record, changing nothing. Its campaigns stand
// for every campaign the store missed: the live ones held, the withdrawn ones withdrawn, and one
// campaign signed by anyone else refuses the snapshot whole.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import {
  chainSnapshotName,
  itemPriceOf,
  snapshotText,
  type LinkDoc,
  type LinkObjectRef,
  type Product,
  type SignedContent,
} from '@vitrine/shared/core';
import { afterAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/database';
import {
  STORE_ID,
  bytes,
  campaign,
  catalogue,
  headOffice,
  holdings,
  openStore,
  product,
} from './intake-test-support';
import type { SnapshotFetch } from './snapshot-fetch';

const ho = headOffice();
const opened: Db[] = [];
afterAll(() => {
  for (const db of opened) if (db.open) db.close();
});

/** A snapshot object of the chain as of `chainRev`, and a bucket that hands out `served`. */
function chainObject(chainRev: number, products: Product[]) {
  const docs: LinkDoc[] = products.map((body) => ({ c: 'products', id: body.id, body }));
  const gz = gzipSync(snapshotText(docs));
  const ref: LinkObjectRef = {
    bucket: 'snapshots',
    name: chainSnapshotName(chainRev),
    size: gz.length,
    sha256: createHash('sha256').update(gz).digest('hex'),
  };
  return { ref, gz };
}

function storeWith(fetchSnapshot: SnapshotFetch) {
  const store = openStore(ho.anchor, undefined, undefined, fetchSnapshot);
  opened.push(store.db);
  return store;
}

/** The store's snapshot in two chunks from `rev`: the chain part and prices, then neighbours. */
const snapshot = (rev: number, chain: { rev: number; object: LinkObjectRef }, prices: object[]) => [
  bytes({ v: 1, rev, atomicUntil: rev + 1, type: 'snapshot', chain, prices }),
  bytes({ v: 1, rev: rev + 1, atomicUntil: rev + 1, type: 'snapshot', neighbours: ['lyon'] }),
];

const priceOf = (docs: { get: <T>(c: 'products', id: string) => T | undefined }, id: string) =>
  itemPriceOf(docs.get<Product>('products', id.replace(/-[sm]$/, ''))!, id).priceCents;

describe('a fresh snapshot from head office', () => {
  it('replaces what the store holds, after a gap, and twice changes nothing', async () => {
    const object = chainObject(10, [product('p1', 2_490), product('p2')]);
    let fetched = 0;
    const { db, docs, intake } = storeWith((ref) => {
      fetched++;
      expect(ref).toEqual(object.ref);
      return Promise.resolve(object.gz);
    });
    await intake.receive('HQ_CHAIN', catalogue(1, [product('p1'), product('p2'), product('p3')]));
    const ownPrice = { v: 1, rev: 1, type: 'prices' };
    await intake.receive(
      'HQ_STORES',
      bytes({ ...ownPrice, prices: [{ productId: 'p1', variantId: 'p1-s', priceCents: 1_990 }] }),
    );
    docs.write([{ c: 'stock', id: 'p3', body: { id: 'p3', levels: [] } }]);
    expect(priceOf(docs, 'p1-s')).toBe(1_990);

    // Revisions 2..6 of the store's stream are past retention: the snapshot comes as 7..8.
    const [first, last] = snapshot(7, { rev: 10, object: object.ref }, [
      { productId: 'p2', variantId: 'p2-m', priceCents: 3_190 },
    ]);
    expect(await intake.receive('HQ_STORES', first!)).toEqual({ outcome: 'held', rev: 7 });
    expect(await intake.receive('HQ_STORES', last!)).toEqual({ outcome: 'applied', rev: 8 });
    expect(fetched).toBe(1);

    expect(docs.get('products', 'p3')).toBeUndefined();
    expect(docs.get('stock', 'p3')).toBeUndefined();
    // p1: the chain's new price, its own price gone with the snapshot; p2-m: its own price.
    expect([priceOf(docs, 'p1-s'), priceOf(docs, 'p2-s'), priceOf(docs, 'p2-m')]).toEqual([
      2_490, 2_990, 3_190,
    ]);
    const after = holdings(db);
    expect(after.checkpoints).toEqual([
      { stream: 'chain', rev: 10 },
      { stream: 'store', rev: 8 },
    ]);
    expect(after.neighbours).toEqual([{ position: 0, store_id: 'lyon' }]);
    expect(after.prices).toMatchObject([
      { location_id: STORE_ID, variant_id: 'p2-m', product_id: 'p2', price_cents: 3_190 },
    ]);
    expect(after.refusals).toEqual([]);

    // The chain goes on from the snapshot's revision: 10 was in it, 11 is next.
    expect(await intake.receive('HQ_CHAIN', catalogue(10, [product('p9')]))).toEqual({
      outcome: 'duplicate',
      rev: 10,
    });
    const head = docs.head();
    // The same snapshot again (HQ sent a second one): nothing changes.
    const again = snapshot(9, { rev: 10, object: object.ref }, [
      { productId: 'p2', variantId: 'p2-m', priceCents: 3_190 },
    ]);
    for (const message of again) await intake.receive('HQ_STORES', message);
    expect(docs.head()).toBe(head);
    expect({ ...holdings(db), checkpoints: [] }).toEqual({ ...after, checkpoints: [] });
    expect(await intake.receive('HQ_CHAIN', catalogue(11, [product('p4')]))).toEqual({
      outcome: 'applied',
      rev: 11,
    });
  });

  it('refuses on record a chain part whose bytes are not the named ones', async () => {
    const object = chainObject(5, [product('p2')]);
    const tampered = Buffer.from(object.gz);
    tampered[tampered.length - 5]! ^= 0xff;
    const { db, docs, intake } = storeWith(() => Promise.resolve(tampered));
    await intake.receive('HQ_CHAIN', catalogue(1, [product('p1')]));
    const head = docs.head();
    const [first, last] = snapshot(3, { rev: 5, object: object.ref }, []);
    await intake.receive('HQ_STORES', first!);
    const outcome = await intake.receive('HQ_STORES', last!);
    expect(outcome).toMatchObject({ outcome: 'refused', rev: 4 });
    expect(outcome.reason).toMatch(/SHA-256/);
    expect(docs.head()).toBe(head);
    expect(docs.get('products', 'p1')).toBeDefined();
    const held = holdings(db);
    expect(held.checkpoints).toEqual([
      { stream: 'chain', rev: 1 },
      { stream: 'store', rev: 4 },
    ]);
    expect(held.refusals).toMatchObject([{ stream: 'store', rev: 4, type: 'snapshot' }]);
  });

  it('holds the campaigns it carries and withdraws the ones it carries tombstones of', async () => {
    const { db, intake } = storeWith(() => Promise.reject(new Error('no chain part named')));
    const campaignMessage = (rev: number, content: SignedContent) =>
      bytes({ v: 1, rev, type: 'campaign', campaign: ho.sign(content) });
    await intake.receive('HQ_CHAIN', campaignMessage(1, campaign('spring', 1)));
    await intake.receive('HQ_STORES', campaignMessage(1, campaign('local-fair', 1)));
    await intake.receive('HQ_STORES', campaignMessage(2, campaign('newer-here', 3)));
    const tombstone = (id: string, revision: number): SignedContent => ({
      v: 1,
      id,
      revision,
      withdrawn: true,
    });
    // Missed while away: spring at revision 2, local-fair withdrawn, summer new; old-promo was
    // withdrawn before this store ever held it; newer-here is at 3 here and 2 in the snapshot.
    const carried = [
      campaign('spring', 2),
      tombstone('local-fair', 2),
      campaign('summer', 1),
      tombstone('old-promo', 4),
      campaign('newer-here', 2),
    ].map((content) => ho.sign(content));
    const chunks = [
      bytes({
        ...{ v: 1, rev: 6, atomicUntil: 7, type: 'snapshot', chain: { rev: 1 } },
        campaigns: carried.slice(0, 2),
      }),
      bytes({ v: 1, rev: 7, atomicUntil: 7, type: 'snapshot', campaigns: carried.slice(2) }),
    ];
    await intake.receive('HQ_STORES', chunks[0]!);
    expect(await intake.receive('HQ_STORES', chunks[1]!)).toEqual({ outcome: 'applied', rev: 7 });
    const held = () =>
      holdings(db).campaigns.map((row) => {
        const { campaign_id: id, revision, withdrawn } = row as Record<string, unknown>;
        return `${String(id)} r${String(revision)}${withdrawn ? ' withdrawn' : ''}`;
      });
    expect(held()).toEqual(['local-fair r2 withdrawn', 'newer-here r3', 'spring r2', 'summer r1']);
    expect(holdings(db).refusals).toEqual([]);

    // A snapshot with one campaign head office did not sign is refused whole.
    const before = holdings(db);
    const forged = { ...ho.sign(campaign('summer', 5)), signature: carried[0]!.signature };
    const outcome = await intake.receive(
      'HQ_STORES',
      bytes({
        ...{ v: 1, rev: 8, type: 'snapshot', chain: { rev: 1 } },
        campaigns: [ho.sign(campaign('spring', 9)), forged],
      }),
    );
    expect(outcome).toMatchObject({ outcome: 'refused', rev: 8 });
    expect(outcome.reason).toMatch(/a campaign of the snapshot: .*signature/i);
    expect({ ...holdings(db), refusals: [], checkpoints: [] }).toEqual({
      ...before,
      refusals: [],
      checkpoints: [],
    });
  });

  it("sets the chain's and the store's own settings it carries, keeping the store's currency", async () => {
    const { docs, intake } = storeWith(() => Promise.reject(new Error('no chain part named')));
    docs.write([{ c: 'settings', id: STORE_ID, body: { id: STORE_ID, currency: 'CHF' } }]);
    const skills = { 'mode-homme': 'style' as const };
    const outcome = await intake.receive(
      'HQ_STORES',
      bytes({
        ...{ v: 1, rev: 4, type: 'snapshot', chain: { rev: 1 } },
        settings: { skillsByDepartment: skills },
        storeSettings: { skillsByDepartment: { ...skills, vins: 'wine' } },
      }),
    );
    expect(outcome).toEqual({ outcome: 'applied', rev: 4 });
    expect(docs.get('settings', STORE_ID)).toEqual({
      id: STORE_ID,
      currency: 'CHF',
      skillsByDepartment: { ...skills, vins: 'wine' },
    });
  });

  it('waits, changing nothing, while the chain part cannot be had', async () => {
    const object = chainObject(5, [product('p2')]);
    const { db, intake } = storeWith(() => Promise.reject(new Error('no link')));
    const before = holdings(db);
    const only = bytes({ v: 1, rev: 1, type: 'snapshot', chain: { rev: 5, object: object.ref } });
    await expect(intake.receive('HQ_STORES', only)).rejects.toThrow('no link');
    expect(holdings(db)).toEqual(before);
  });
});
