// Head office → stores end to end: campaigns published at head office (PostgreSQL outbox,
// publisher, real 3-node cluster) pulled by three stores from their own durables and applied by
// the store's real intake (SQLite). Each store ends holding exactly what was meant for it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstream } from '@nats-io/jetstream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeConsumers, STREAMS } from '@vitrine/shared/core';
import { createLogger, loadSigningKey } from '@vitrine/shared/node';
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

  it('a campaign for all, then for 2 of 3 stores, then withdrawn: each store holds its own end', async () => {
    const key = loadSigningKey(mkdtempSync(join(tmpdir(), 'vitrine-hq-data-')));
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
    const unpublished = async () =>
      (await link.pool.query('SELECT 1 FROM link_outbox WHERE published_at IS NULL')).rowCount;
    await expect.poll(unpublished, { timeout: 20_000, interval: 100 }).toBe(0);

    const js = jetstream(link.nc);
    const takeIn = async (storeId: string) => {
      const db = openDatabase(mkdtempSync(join(tmpdir(), `vitrine-store-${storeId}-`)));
      dbs.push(db);
      const intake = new LinkIntake({ db, docs: new DocStore(db), storeId, anchor: key.anchor });
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
        .prepare('SELECT campaign_id, revision, withdrawn FROM campaign_held_revisions')
        .all();
      return { outcomes, held, refused: intake.refused() };
    };

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
});
