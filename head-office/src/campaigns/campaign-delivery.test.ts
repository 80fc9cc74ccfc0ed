// A campaign published at head office reaches, through the outbox and a real 3-node cluster, the
// subjects of the stores it targets and no other, signed so a store verifies it with HQ's anchor.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstream } from '@nats-io/jetstream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HqStoreMessage,
  isWithdrawal,
  parseLinkMessage,
  STREAMS,
  verifySignedCampaign,
} from '@vitrine/shared/core';
import { createLogger, loadSigningKey } from '@vitrine/shared/node';
import { startOutboxPublisher, type OutboxPublisher } from '../outbox/publisher';
import { lastSeq, startTestLink, streamMessages, type TestLink } from '../outbox/test-link';
import { publishCampaign, withdrawCampaign } from './publish-campaign';
import { testDraft } from './test-draft';

describe('a campaign for 2 of 3 stores', () => {
  let link: TestLink;
  let publisher: OutboxPublisher | undefined;

  beforeAll(async () => {
    link = await startTestLink();
    await link.pool.query(
      `INSERT INTO stores (id, name, time_zone, currency) VALUES
         ('lille', 'Lille', 'Europe/Paris', 'EUR'), ('rouen', 'Rouen', 'Europe/Paris', 'EUR'),
         ('nice', 'Nice', 'Europe/Paris', 'EUR')`,
    );
  });
  afterAll(async () => {
    await publisher?.stop();
    await link?.stop();
  });

  it('lands only on those stores’ subjects, and verifies against head office’s trust anchor', async () => {
    const key = loadSigningKey(mkdtempSync(join(tmpdir(), 'vitrine-hq-data-')));
    publisher = startOutboxPublisher({
      pool: link.pool,
      js: jetstream(link.nc),
      log: createLogger('silent', {}),
      roleRetryMs: 200,
    });
    const targeting = { stores: ['lille', 'rouen'], regions: [], groups: [], tags: [] };
    await publishCampaign(link.pool, key, testDraft({ targeting }));
    await withdrawCampaign(link.pool, key, 'winter-sale');
    const published = async () =>
      (await link.pool.query('SELECT 1 FROM link_outbox WHERE published_at IS NOT NULL')).rowCount;
    await expect.poll(published, { timeout: 20_000, interval: 100 }).toBe(4);

    expect(await lastSeq(link.jsm, STREAMS.hqChain)).toBe(0);
    const messages = await streamMessages(link.jsm, STREAMS.hqStores);
    const seen = await Promise.all(
      messages.map(async (message) => {
        const parsed = parseLinkMessage(HqStoreMessage, message.body);
        if (!parsed.ok || parsed.value.type !== 'campaign') throw new Error('not a campaign');
        const verified = await verifySignedCampaign(parsed.value.campaign, key.anchor);
        if (!verified.ok) throw new Error(verified.error);
        return {
          subject: message.subject,
          rev: parsed.value.rev,
          revision: verified.value.revision,
          withdrawn: isWithdrawal(verified.value),
        };
      }),
    );
    // Each store's own revisions count from 1 (in stream order); the campaign's revision is
    // head office's. The two stores' heads go side by side, so only each one's order is fixed.
    const of = (store: string) => seen.filter((m) => m.subject === `vt.hq.store.${store}.campaign`);
    for (const store of ['lille', 'rouen']) {
      expect(of(store)).toEqual([
        { subject: `vt.hq.store.${store}.campaign`, rev: 1, revision: 1, withdrawn: false },
        { subject: `vt.hq.store.${store}.campaign`, rev: 2, revision: 2, withdrawn: true },
      ]);
    }
    expect(seen).toHaveLength(4); // nothing for nice
    // Another key's anchor refuses the very same envelope.
    const stranger = loadSigningKey(mkdtempSync(join(tmpdir(), 'vitrine-hq-other-')));
    const first = parseLinkMessage(HqStoreMessage, messages[0]!.body);
    if (!first.ok || first.value.type !== 'campaign') throw new Error('not a campaign');
    expect((await verifySignedCampaign(first.value.campaign, stranger.anchor)).ok).toBe(false);
  });
});
