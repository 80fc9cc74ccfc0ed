// Head office → stores end to end: campaigns published at head office (PostgreSQL outbox,
// publisher, real 3-node cluster) pulled by three stores from their own durables and applied by
// the store's real intake (SQLite). Each store ends holding exactly what was meant for it, and a
// store that missed changes past what the streams keep gets them (campaigns and the screens'
// settings) in a fresh snapshot.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstream } from '@nats-io/jetstream';
import { Objm } from '@nats-io/obj';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OBJECT_BUCKETS, storeConsumers, STREAMS } from '@vitrine/shared/core';
import { createLogger, loadSigningKey } from '@vitrine/shared/node';
import { ensureSnapshotBucket } from '../../head-office/src/catalogue/chain-snapshot';
import { sendStoreSnapshot } from '../../head-office/src/catalogue/store-snapshot';
import { putSettings } from '../../head-office/src/settings/screen-settings';
import {
  publishCampaign,
  withdrawCampaign,
} from '../../head-office/src/campaigns/publish-campaign';
import { testDraft } from '../../head-office/src/campaigns/test-draft';
import { startOutboxPublisher, type OutboxPublisher } from '../../head-office/src/outbox/publisher';
import { startTestLink, type TestLink } from '../../head-office/src/outbox/test-link';
import { openDatabase, type Db } from '../../store-server/src/db/database';
import { LinkIntake, type LinkStream } from '../../store-server/src/hq-link/intake';
import { DocStore } from '../../store-server/src/sync/doc-store';

const STORES = ['lille', 'rouen', 'nice'];

describe('head office publishes, the stores take it in', () => {
  let link: TestLink;
  let publisher: OutboxPublisher | undefined;
  const dbs: Db[] = [];

  beforeAll(async () => {
    link = await startTestLink();
    await link.pool.query(
      `INSERT INTO stores (id, name, time_zone, currency)
       SELECT id, id, 'Europe/Paris', 'EUR' FROM unnest($1::text[]) AS id`,
      [STORES],
    );
    // HQ creates each store's durables at enrolment.
    for (const id of STORES) {
      for (const { stream, config } of storeConsumers(id))
        await link.jsm.consumers.add(stream, config);
    }
  });
  afterAll(async () => {
    await publisher?.stop();
    for (const db of dbs) if (db.open) db.close();
    await link?.stop();
  });

  const key = loadSigningKey(mkdtempSync(join(tmpdir(), 'vitrine-hq-data-')));
  const unpublished = async () =>
    (await link.pool.query('SELECT 1 FROM link_outbox WHERE published_at IS NULL')).rowCount;

  /** A store's own SQLite, new or as it was left (a store back after days away). */
  const storeDbs = new Map<string, Db>();
  const storeDb = (storeId: string) => {
    let db = storeDbs.get(storeId);
    if (!db) {
      db = openDatabase(mkdtempSync(join(tmpdir(), `vitrine-store-${storeId}-`)));
      storeDbs.set(storeId, db);
      dbs.push(db);
    }
    return db;
  };

  /** Pulls what each of the store's durables holds into its intake, as the store does. */
  const takeIn = async (storeId: string) => {
    const db = storeDb(storeId);
    const js = jetstream(link.nc);
    const snapshots = await new Objm(js)
      .open(OBJECT_BUCKETS.snapshots.bucket, false)
      .catch(() => undefined);
    const intake = new LinkIntake({
      db,
      docs: new DocStore(db),
      storeId,
      anchor: key.anchor,
      fetchSnapshot: async (ref) => (await snapshots?.getBlob(ref.name)) ?? new Uint8Array(),
    });
    const outcomes: string[] = [];
    for (const stream of [STREAMS.hqChain, STREAMS.hqStores] as LinkStream[]) {
      const consumer = await js.consumers.get(stream, `s-${storeId}`);
      for (;;) {
        const batch = await consumer.fetch({ max_messages: 20, expires: 1_000 });
        let got = 0;
        for await (const message of batch) {
          got++;
          const taken = await intake.receive(stream, message.data);
          outcomes.push(`${stream}:${taken.rev}:${taken.outcome}`);
          if (taken.outcome === 'gap') message.nak();
          else message.ack();
        }
        if (got === 0) break;
      }
    }
    const held = db
      .prepare(
        'SELECT campaign_id, revision, withdrawn FROM campaign_held_revisions ORDER BY campaign_id',
      )
      .all();
    return { outcomes, held, refused: intake.refused() };
  };

  it('a campaign for all, then for 2 of 3 stores, then withdrawn: each store holds its own end', async () => {
    publisher = startOutboxPublisher({
      pool: link.pool,
      js: jetstream(link.nc),
      log: createLogger('silent', {}),
      roleRetryMs: 200,
    });
    await publishCampaign(link.pool, key, testDraft());
    const two = { stores: ['lille', 'rouen'], regions: [], groups: [], tags: [] };
    await publishCampaign(link.pool, key, testDraft({ targeting: two }));
    await withdrawCampaign(link.pool, key, 'winter-sale');
    await expect.poll(unpublished, { timeout: 20_000, interval: 100 }).toBe(0);

    const [lille, rouen, nice] = await Promise.all(STORES.map(takeIn));
    // Revision 1 for all (chain); 2 for lille and rouen, its tombstone for nice; 3 the withdrawal.
    for (const store of [lille!, rouen!]) {
      expect(store.outcomes).toEqual([
        'HQ_CHAIN:1:applied',
        'HQ_STORES:1:applied',
        'HQ_STORES:2:applied',
      ]);
      expect(store.held).toEqual([{ campaign_id: 'winter-sale', revision: 3, withdrawn: 1 }]);
    }
    expect(nice!.outcomes).toEqual(['HQ_CHAIN:1:applied', 'HQ_STORES:1:applied']);
    expect(nice!.held).toEqual([{ campaign_id: 'winter-sale', revision: 2, withdrawn: 1 }]);
    for (const store of [lille!, rouen!, nice!]) expect(store.refused).toEqual([]);
  });

  it('a store back after the streams let go of what it missed: the snapshot carries every campaign as it stands for it', async () => {
    const targeting = (stores: string[]) => ({ stores, regions: [], groups: [], tags: [] });
    await publishCampaign(link.pool, key, testDraft({ id: 'spring' }));
    await publishCampaign(
      link.pool,
      key,
      testDraft({ id: 'fair', targeting: targeting(['nice', 'lille']) }),
    );
    await expect.poll(unpublished, { timeout: 20_000, interval: 100 }).toBe(0);
    expect((await takeIn('nice')).held).toMatchObject([
      { campaign_id: 'fair', revision: 1, withdrawn: 0 },
      { campaign_id: 'spring', revision: 1, withdrawn: 0 },
      { campaign_id: 'winter-sale', revision: 2, withdrawn: 1 },
    ]);

    // Nice is away: spring is withdrawn, fair goes on for lille only, autumn starts for all and
    // solo for rouen only. Then the streams let go of all of it (a tiny retention).
    await withdrawCampaign(link.pool, key, 'spring');
    await publishCampaign(
      link.pool,
      key,
      testDraft({ id: 'fair', targeting: targeting(['lille']) }),
    );
    await publishCampaign(link.pool, key, testDraft({ id: 'autumn' }));
    await publishCampaign(
      link.pool,
      key,
      testDraft({ id: 'solo', targeting: targeting(['rouen']) }),
    );
    // The screens' settings change too: the chain's, and nice's own.
    const skills = { 'mode-homme': 'style' as const };
    await putSettings(link.pool, { kind: 'chain' }, { skillsByDepartment: skills });
    await putSettings(link.pool, { kind: 'store', storeId: 'nice' }, { currency: 'CHF' });
    await expect.poll(unpublished, { timeout: 20_000, interval: 100 }).toBe(0);
    for (const stream of [STREAMS.hqChain, STREAMS.hqStores])
      await link.jsm.streams.purge(stream, { keep: 1 });

    const bucket = await ensureSnapshotBucket(jetstream(link.nc), 1);
    const sent = await sendStoreSnapshot({ pool: link.pool, jsm: link.jsm, bucket, key }, 'nice');
    // Every campaign head office published: autumn live, the four others as tombstones.
    expect(sent.campaigns).toBe(5);
    await expect.poll(unpublished, { timeout: 20_000, interval: 100 }).toBe(0);
    const nice = await takeIn('nice');
    expect(nice.outcomes.filter((outcome) => outcome.startsWith('HQ_CHAIN'))).toEqual([]);
    expect(nice.outcomes.at(-1)).toMatch(/^HQ_STORES:\d+:applied$/);
    expect(nice.held).toMatchObject([
      { campaign_id: 'autumn', revision: 1, withdrawn: 0 },
      { campaign_id: 'fair', revision: 2, withdrawn: 1 },
      { campaign_id: 'spring', revision: 2, withdrawn: 1 },
      { campaign_id: 'winter-sale', revision: 3, withdrawn: 1 },
    ]);
    expect(nice.refused).toEqual([]);
    expect(new DocStore(storeDb('nice')).get('settings', 'nice')).toEqual({
      id: 'nice',
      currency: 'CHF',
      skillsByDepartment: skills,
    });

    // What comes after the snapshot still reaches the store, on both streams.
    await publishCampaign(link.pool, key, testDraft({ id: 'autumn', name: 'Autumn, longer' }));
    await publishCampaign(
      link.pool,
      key,
      testDraft({ id: 'late', targeting: targeting(['nice']) }),
    );
    await expect.poll(unpublished, { timeout: 20_000, interval: 100 }).toBe(0);
    const after = await takeIn('nice');
    expect(after.outcomes.map((outcome) => outcome.replace(/:\d+:/, ':'))).toEqual([
      'HQ_CHAIN:applied',
      'HQ_STORES:applied',
    ]);
    expect(after.held).toMatchObject([
      { campaign_id: 'autumn', revision: 2, withdrawn: 0 },
      { campaign_id: 'fair', revision: 2, withdrawn: 1 },
      { campaign_id: 'late', revision: 1, withdrawn: 0 },
      { campaign_id: 'spring', revision: 2, withdrawn: 1 },
      { campaign_id: 'winter-sale', revision: 3, withdrawn: 1 },
    ]);
    expect(after.refused).toEqual([]);
  });
});
