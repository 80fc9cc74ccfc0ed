// The store side of signed campaigns: an envelope from head office (a campaign
// or its withdrawal) enters the synced documents players pull only if its
// signature and content check out and its revision is newer than the one this
// store holds. Everything refused is recorded for the console, and a replay
// (409) is logged for the store's IT.
import { z } from 'zod';
import {
  SignedCampaign,
  compareRevision,
  isWithdrawal,
  verifySignedCampaign,
  type SignedContent,
  type TrustAnchor,
} from '@vitrine/shared/core';
import type { CampaignRefusal } from '@vitrine/shared/core';
import type { Db } from '../db/database';
import { HttpError, type Logger } from '@vitrine/shared/node';
import type { CommittedChange, DocStore } from '../sync/doc-store';
import { HeldRevisions, type HeldCampaign } from './held-revisions';

export type Refusal = CampaignRefusal;

/** What the store took: which campaign, at which revision, and whether it withdraws it. */
export type Accepted = { id: string; revision: number; withdrawn: boolean };

export class SignedIntake {
  private readonly held: HeldRevisions;

  constructor(
    private readonly db: Db,
    private readonly docs: DocStore,
    private readonly anchor: TrustAnchor,
    private readonly log?: Logger,
    /** A chain store's own key: good for its emergency message only. */
    private readonly storeEmergency?: TrustAnchor,
  ) {
    this.held = new HeldRevisions(db);
  }

  async accept(input: unknown): Promise<Accepted> {
    const verified = await verifySignedCampaign(input, this.anchor, this.storeEmergency);
    if (!verified.ok) {
      const id = z.object({ id: z.string().max(64) }).safeParse(input);
      this.refuse(id.success ? id.data.id : null, verified.error);
      throw new HttpError(422, 'campaign_refused', verified.error);
    }
    // verifySignedCampaign parsed the envelope: only its four fields are kept.
    const envelope = SignedCampaign.parse(input);
    const content = verified.value;
    // Nothing awaits from here on, so no other envelope can slip between check and write.
    const held = this.held.get(content.id);
    const verdict = compareRevision(held, {
      revision: content.revision,
      signature: envelope.signature,
    });
    if (held && verdict !== 'newer') {
      const reason = replayReason(content, held, verdict);
      this.refuse(content.id, reason, { revision: content.revision, held: held.revision });
      this.log?.warn(
        { campaignId: content.id, revision: content.revision, held: held.revision },
        'campaigns: refused a signed envelope that is not newer (409)',
      );
      throw new HttpError(409, 'campaign_revision_not_newer', reason);
    }
    this.hold(content, envelope);
    return { id: content.id, revision: content.revision, withdrawn: isWithdrawal(content) };
  }

  /** The highest revision this store holds for a campaign (0: none). */
  heldRevision(campaignId: string): number {
    return this.held.get(campaignId)?.revision ?? 0;
  }

  /**
   * Stores what this very server signed a moment ago (legacy tombstones at
   * start, which cannot await): the held revision and the synced document
   * change together, or not at all.
   */
  hold(
    content: SignedContent,
    envelope: SignedCampaign,
    /** `notify: false`: inside a caller's transaction, which announces after its commit. */
    options: { notify?: boolean } = {},
  ): CommittedChange {
    return this.db.transaction(() => {
      this.held.hold(content.id, {
        revision: content.revision,
        signature: envelope.signature,
        withdrawn: isWithdrawal(content),
      });
      return this.docs.write([{ c: 'campaigns', id: content.id, body: envelope }], options);
    })();
  }

  /** The latest refusals; a replay's carry the revision offered and the one held. */
  refusals(): Refusal[] {
    return this.db
      .prepare(
        `SELECT campaign_id AS campaignId, reason, at, revision, held_revision AS heldRevision
         FROM campaign_refusals ORDER BY id DESC LIMIT 100`,
      )
      .all() as Refusal[];
  }

  private refuse(
    campaignId: string | null,
    reason: string,
    replay?: { revision: number; held: number },
  ): void {
    this.db
      .prepare(
        `INSERT INTO campaign_refusals (campaign_id, reason, at, revision, held_revision)
         VALUES (?, ?, ?, ?, ?)`,
      )
      .run(
        campaignId,
        reason,
        new Date().toISOString(),
        replay?.revision ?? null,
        replay?.held ?? null,
      );
  }
}

function replayReason(content: SignedContent, held: HeldCampaign, verdict: 'same' | 'stale') {
  const what = `campaign ${content.id} revision ${content.revision}`;
  if (verdict === 'same') return `${what}: this store already holds this very envelope`;
  const state = held.withdrawn ? ' (a withdrawal)' : '';
  return `${what} is not newer than revision ${held.revision}${state} held by this store: refused as a replay`;
}
