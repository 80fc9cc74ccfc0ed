// Publishing a campaign from head office: signed at the campaign's next revision, kept in
// `campaigns`, and queued in the link outbox in the same transaction, to every store (HQ_CHAIN)
// or to each targeted store's own subject. A withdrawal is a signed tombstone on the same path.
// (The draft/approve workflow arrives with the console; this is the publish step it ends in.)
import type { PoolClient } from 'pg';
import type { Pool } from 'pg';
import {
  campaignMedia,
  campaignProblems,
  CampaignDraftInput,
  parseUnknown,
  type Campaign,
  type SignedCampaign,
  type SignedContent,
} from '@vitrine/shared/core';
import type { HeadOfficeKey } from '@vitrine/shared/node';
import { enqueue, type OutboxChange } from '../outbox/enqueue';
import { inTransaction } from '../db/transaction';
import { findMedia } from '../media/media-library';
import { Audience, CampaignRefusedError, droppedStores, resolveAudience } from './audience';

export type CampaignPublication = {
  id: string;
  revision: number;
  audience: Audience;
  envelope: SignedCampaign;
  /** Stores that held an earlier revision and were sent the tombstone at this one. */
  withdrawnFrom: string[];
  outboxIds: string[];
};

type Held = { revision: number; liveRevision: number | null; audience: Audience };

/** The campaign's row, locked until the transaction ends: one publication at a time per id. */
async function lockCampaign(client: PoolClient, id: string): Promise<Held | null> {
  const result = await client.query<{
    revision: number;
    live_revision: number | null;
    audience: unknown;
  }>('SELECT revision, live_revision, audience FROM campaigns WHERE id = $1 FOR UPDATE', [id]);
  const row = result.rows[0];
  if (!row) return null;
  return {
    revision: row.revision,
    liveRevision: row.live_revision,
    audience: Audience.parse(row.audience),
  };
}

const campaignTo = (audience: Audience, envelope: SignedCampaign): OutboxChange[] =>
  audience === 'all'
    ? [{ to: 'chain', messages: [{ type: 'campaign', campaign: envelope }] }]
    : audience.map((storeId) => ({
        to: 'store',
        storeId,
        messages: [{ type: 'campaign', campaign: envelope }],
      }));

/** A campaign's signed withdrawal at `revision` (sent to the stores that held it). */
export const tombstone = (id: string, revision: number): SignedContent => ({
  v: 1,
  id,
  revision,
  withdrawn: true,
});

/**
 * Every file the campaign names is in head office's library, as named (type and size): a store
 * holds a campaign only once it has fetched its media, so it would otherwise wait forever.
 */
async function assertMediaHeld(pool: Pool, campaign: Campaign): Promise<void> {
  const problems: string[] = [];
  for (const ref of campaignMedia(campaign)) {
    const held = await findMedia(pool, ref.sha256);
    if (!held) problems.push(`${ref.sha256} is not in head office's media library`);
    else if (held.type !== ref.type || held.size !== ref.size)
      problems.push(
        `${ref.sha256} is ${held.type} of ${held.size} bytes, not ${ref.type} of ${ref.size}`,
      );
  }
  if (problems.length > 0) throw new CampaignRefusedError('unknown_media', problems.join('; '));
}

/** Signs and queues a campaign (CampaignDraftInput: a campaign without `v` and `revision`). */
export async function publishCampaign(
  pool: Pool,
  key: HeadOfficeKey,
  input: unknown,
): Promise<CampaignPublication> {
  const parsed = parseUnknown(CampaignDraftInput, input);
  if (!parsed.ok) throw new CampaignRefusedError('invalid_campaign', parsed.error);
  const body = parsed.value;
  const problems = campaignProblems({ ...body, v: 1, revision: 1 });
  if (problems.length > 0) throw new CampaignRefusedError('invalid_campaign', problems.join('; '));
  await assertMediaHeld(pool, { ...body, v: 1, revision: 1 });

  return inTransaction(pool, async (client) => {
    const held = await lockCampaign(client, body.id);
    const revision = (held?.revision ?? 0) + 1;
    const audience = await resolveAudience(client, body.targeting);
    const dropped = await droppedStores(client, held?.audience ?? [], audience);
    const campaign: Campaign = { ...body, v: 1, revision };
    const envelope = key.sign(campaign);
    const changes = campaignTo(audience, envelope);
    if (dropped.length > 0)
      changes.push(...campaignTo(dropped, key.sign(tombstone(body.id, revision))));
    await client.query(
      `INSERT INTO campaigns (id, body, status, revision, live_revision, audience, signed, updated_at, published_at)
       VALUES ($1, $2, 'published', $3, $3, $4, $5, now(), now())
       ON CONFLICT (id) DO UPDATE SET body = excluded.body, status = 'published',
         revision = excluded.revision, live_revision = excluded.live_revision,
         audience = excluded.audience, signed = excluded.signed, updated_at = now(), published_at = now()`,
      [body.id, JSON.stringify(body), revision, JSON.stringify(audience), JSON.stringify(envelope)],
    );
    const outboxIds = await enqueue(client, changes);
    return { id: body.id, revision, audience, envelope, withdrawnFrom: dropped, outboxIds };
  });
}

/** Takes a published campaign off every screen it reached: the tombstone at the next revision. */
export async function withdrawCampaign(
  pool: Pool,
  key: HeadOfficeKey,
  id: string,
): Promise<CampaignPublication> {
  return inTransaction(pool, async (client) => {
    const held = await lockCampaign(client, id);
    if (!held || held.liveRevision === null) {
      throw new CampaignRefusedError('not_published', `campaign ${id} is not on any screen`);
    }
    const revision = held.revision + 1;
    const envelope = key.sign(tombstone(id, revision));
    await client.query(
      `UPDATE campaigns SET status = 'withdrawn', revision = $2, live_revision = NULL,
         audience = '[]', signed = $3, updated_at = now() WHERE id = $1`,
      [id, revision, JSON.stringify(envelope)],
    );
    const outboxIds = await enqueue(client, campaignTo(held.audience, envelope));
    const withdrawnFrom = held.audience === 'all' ? [] : held.audience;
    return { id, revision, audience: held.audience, envelope, withdrawnFrom, outboxIds };
  });
}
