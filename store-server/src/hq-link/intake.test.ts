// The store's intake of head office's streams, on real SQLite with real Ed25519 signatures:
// the next revision applies with its checkpoint, anything else changes nothing, chunks wait on
// disk for their last one, a tampered campaign never reaches a screen.
import { createHash } from 'node:crypto';
import type { Product, SyncDoc } from '@vitrine/shared/core';
import { afterAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/database';
import type { CampaignMediaFetch } from './apply-campaign';
import { neighboursOf } from './apply-settings';
import { LinkRefusals, MAX_LINK_REFUSALS } from './link-refusals';
import {
  STORE_ID,
  bytes,
  campaign,
  catalogue,
  headOffice,
  holdings,
  openStore,
  product,
  type TestStore,
} from './intake-test-support';

const ho = headOffice();
const opened: Db[] = [];
const store = (dir?: string, fetchMedia?: CampaignMediaFetch): TestStore => {
  const opening = openStore(ho.anchor, dir, fetchMedia);
  opened.push(opening.db);
  return opening;
};
afterAll(() => {
  for (const db of opened) if (db.open) db.close();
});

const signedCampaign = (rev: number, id: string, revision: number) =>
  bytes({ v: 1, rev, type: 'campaign', campaign: ho.sign(campaign(id, revision)) });

describe('the store intake of head office streams', () => {
  it('applies each next revision with its checkpoint, and tells the screens once', async () => {
    const { docs, intake, db } = store();
    const heard: { fromRev: number; toRev: number; c: string[] }[] = [];
    docs.onChange(({ fromRev, toRev, docs: changed }) =>
      heard.push({ fromRev, toRev, c: changed.map((doc: SyncDoc) => doc.c) }),
    );

    expect(await intake.receive('HQ_CHAIN', catalogue(1, [product('p1'), product('p2')]))).toEqual({
      outcome: 'applied',
      rev: 1,
    });
    expect(await intake.receive('HQ_CHAIN', signedCampaign(2, 'spring', 1))).toEqual({
      outcome: 'applied',
      rev: 2,
    });
    const neighbours = bytes({ v: 1, rev: 1, type: 'neighbours', neighbours: ['lyon', 'nice'] });
    expect((await intake.receive('HQ_STORES', neighbours)).outcome).toBe('applied');
    const chainSettings = bytes({ v: 1, rev: 3, type: 'settings', settings: { currency: 'EUR' } });
    const ownSettings = bytes({ v: 1, rev: 2, type: 'settings', settings: { currency: 'CHF' } });
    expect((await intake.receive('HQ_STORES', ownSettings)).outcome).toBe('applied');
    expect((await intake.receive('HQ_CHAIN', chainSettings)).outcome).toBe('applied');

    expect(docs.get<Product>('products', 'p2')?.priceCents).toBe(2_990);
    // The campaign landed as a posted one does: its envelope is the screens' document.
    expect(docs.get('campaigns', 'spring')).toEqual(ho.sign(campaign('spring', 1)));
    expect(docs.get('settings', STORE_ID)).toEqual({ id: STORE_ID, currency: 'CHF' });
    expect(neighboursOf(db)).toEqual(['lyon', 'nice']);
    expect(intake.held('HQ_CHAIN')).toBe(3);
    expect(intake.held('HQ_STORES')).toBe(2);
    expect(heard).toEqual([
      { fromRev: 0, toRev: 2, c: ['products', 'products'] },
      { fromRev: 2, toRev: 3, c: ['campaigns'] },
      { fromRev: 3, toRev: 4, c: ['settings'] },
    ]);
    // Two products from one delta are one batch the devices apply together, as an import.
    expect(db.prepare('SELECT first_rev, last_rev FROM sync_batches').all()).toEqual([
      { first_rev: 1, last_rev: 2 },
    ]);
  });

  it('changes nothing when the same message comes twice, or one comes early (a gap)', async () => {
    const { docs, intake, db } = store();
    const first = catalogue(1, [product('p1')]);
    await intake.receive('HQ_CHAIN', first);
    const head = docs.head();
    const before = holdings(db);

    expect(await intake.receive('HQ_CHAIN', first)).toEqual({ outcome: 'duplicate', rev: 1 });
    const early = await intake.receive('HQ_CHAIN', catalogue(3, [product('p3')]));
    expect(early).toEqual({
      outcome: 'gap',
      rev: 3,
      reason: 'revision 3 arrived after 1: 2..2 missing',
    });

    expect(docs.head()).toBe(head);
    expect(holdings(db)).toEqual(before);
    expect(await intake.receive('HQ_CHAIN', catalogue(2, [product('p2')]))).toMatchObject({
      outcome: 'applied',
    });
  });

  it('holds chunks on disk across a restart, then applies them together', async () => {
    const first = store();
    const chunks = [
      catalogue(1, [product('c1')], 3),
      catalogue(2, [product('c2')], 3),
      catalogue(3, [product('c3'), product('c1', 1_990)], 3),
    ];
    expect(await first.intake.receive('HQ_CHAIN', chunks[0]!)).toEqual({ outcome: 'held', rev: 1 });
    expect(await first.intake.receive('HQ_CHAIN', chunks[1]!)).toEqual({ outcome: 'held', rev: 2 });
    expect(first.docs.head()).toBe(0);
    expect(first.intake.held('HQ_CHAIN')).toBe(0);
    first.db.close();

    const again = store(first.dir);
    expect(await again.intake.receive('HQ_CHAIN', chunks[1]!)).toEqual({
      outcome: 'duplicate',
      rev: 2,
    });
    expect(await again.intake.receive('HQ_CHAIN', chunks[2]!)).toEqual({
      outcome: 'applied',
      rev: 3,
    });
    expect(again.docs.all<Product>('products').map((p) => [p.id, p.priceCents])).toEqual([
      ['c1', 1_990],
      ['c2', 2_990],
      ['c3', 2_990],
    ]);
    expect(again.intake.held('HQ_CHAIN')).toBe(3);
    expect(holdings(again.db).chunks).toEqual([]);
    expect(again.db.prepare('SELECT first_rev, last_rev FROM sync_batches').all()).toEqual([
      { first_rev: 1, last_rev: 3 },
    ]);
  });

  it('refuses a tampered campaign on record, never as a sync doc, and goes on', async () => {
    const { docs, intake, db } = store();
    const envelope = ho.sign(campaign('spring', 1));
    const tampered = {
      ...envelope,
      payload: envelope.payload.replace('"priority":10', '"priority":99'),
    };
    const outcome = await intake.receive(
      'HQ_STORES',
      bytes({ v: 1, rev: 1, type: 'campaign', campaign: tampered }),
    );

    expect(outcome).toEqual({
      outcome: 'refused',
      rev: 1,
      reason: 'bad signature: the campaign was altered or forged',
    });
    expect(docs.head()).toBe(0);
    expect(docs.get('campaigns', 'spring')).toBeUndefined();
    expect(holdings(db).campaigns).toEqual([]);
    expect(intake.refused()).toMatchObject([
      { stream: 'store', rev: 1, type: 'campaign', reason: outcome.reason },
    ]);
    expect(intake.held('HQ_STORES')).toBe(1);

    expect(await intake.receive('HQ_STORES', signedCampaign(2, 'spring', 1))).toEqual({
      outcome: 'applied',
      rev: 2,
    });
    expect(docs.get('campaigns', 'spring')).toEqual(envelope);
    // An older revision of a campaign after a newer one is a replay: refused, not played.
    await intake.receive('HQ_STORES', signedCampaign(3, 'spring', 2));
    const replay = await intake.receive('HQ_STORES', signedCampaign(4, 'spring', 1));
    expect(replay.outcome).toBe('refused');
    expect(replay.reason).toMatch(
      /not newer than revision 2 held by this store: refused as a replay/,
    );
    expect(docs.get('campaigns', 'spring')).toEqual(ho.sign(campaign('spring', 2)));
  });

  it('refuses a campaign whose media file is not the one it signed', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const sha256 = createHash('sha256').update(png).digest('hex');
    // The media bucket as the link's fetcher sees it: the object under this name was altered.
    const bucket = new Map([[sha256, Buffer.concat([png, Buffer.from('!')])]]);
    const fetchMedia: CampaignMediaFetch = (refs) => {
      for (const ref of refs) {
        const file = bucket.get(ref.sha256);
        if (!file) throw new Error(`media ${ref.sha256} not fetched yet`);
        const digest = createHash('sha256').update(file).digest('hex');
        if (file.length !== ref.size || digest !== ref.sha256)
          return Promise.resolve({ ok: false, error: `media ${ref.sha256} does not match` });
      }
      return Promise.resolve({ ok: true, value: undefined });
    };
    const { docs, intake } = store(undefined, fetchMedia);
    const withImage = campaign('spring', 1);
    if ('playlists' in withImage)
      withImage.playlists[0]!.items.push({
        id: 'i2',
        kind: 'image',
        durationMs: 5_000,
        media: { sha256, type: 'image/png', size: png.length },
      });
    const message = bytes({ v: 1, rev: 1, type: 'campaign', campaign: ho.sign(withImage) });

    expect(await intake.receive('HQ_CHAIN', message)).toEqual({
      outcome: 'refused',
      rev: 1,
      reason: `campaign spring: media ${sha256} does not match`,
    });
    expect(docs.get('campaigns', 'spring')).toBeUndefined();
    // A file not fetched yet is no refusal: the message is not acked, and comes again.
    bucket.clear();
    await expect(intake.receive('HQ_CHAIN', signedCampaign(2, 'spring', 1))).resolves.toMatchObject(
      { outcome: 'applied' },
    );
    const again = bytes({
      v: 1,
      rev: 3,
      type: 'campaign',
      campaign: ho.sign({ ...withImage, revision: 2 }),
    });
    await expect(intake.receive('HQ_CHAIN', again)).rejects.toThrow(/not fetched yet/);
    expect(intake.held('HQ_CHAIN')).toBe(2);
    bucket.set(sha256, png);
    expect(await intake.receive('HQ_CHAIN', again)).toEqual({ outcome: 'applied', rev: 3 });
    expect(docs.get('campaigns', 'spring')).toEqual(ho.sign({ ...withImage, revision: 2 }));
  });

  it('refuses what fails the schema, and the rest of a change whose chunk it was', async () => {
    const { docs, intake } = store();
    const garbled = bytes({ v: 1, rev: 1, type: 'prices', atomicUntil: 2, prices: [] });
    expect(await intake.receive('HQ_STORES', garbled)).toMatchObject({
      outcome: 'refused',
      rev: 1,
    });
    const line = { productId: 'p1', variantId: 'p1-s', priceCents: 100 };
    const rest = bytes({ v: 1, rev: 2, type: 'prices', atomicUntil: 2, prices: [line] });
    expect(await intake.receive('HQ_STORES', rest)).toEqual({
      outcome: 'refused',
      rev: 2,
      reason: 'part of the change refused at revision 1',
    });
    const other = bytes({ v: 2, rev: 3, type: 'neighbours', neighbours: [] });
    const refused = await intake.receive('HQ_STORES', other);
    expect(refused).toMatchObject({ outcome: 'refused', rev: 3 });
    expect(refused.reason).toMatch(/link version 2 refused/);
    expect(intake.held('HQ_STORES')).toBe(3);
    expect(docs.head()).toBe(0);
  });

  it('keeps the latest refusals only', () => {
    const { db } = store();
    const refusals = new LinkRefusals(db);
    db.transaction(() => {
      for (let rev = 1; rev <= MAX_LINK_REFUSALS + 5; rev++)
        refusals.record({ stream: 'chain', rev, until: null, type: 'campaign', reason: 'forged' });
    })();
    expect(db.prepare('SELECT COUNT(*) FROM link_refusals').pluck().get()).toBe(MAX_LINK_REFUSALS);
    expect(refusals.latest(1)).toMatchObject([{ rev: MAX_LINK_REFUSALS + 5 }]);
    expect(db.prepare('SELECT MIN(rev) FROM link_refusals').pluck().get()).toBe(6);
  });
});
