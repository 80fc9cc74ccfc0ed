// The store side of replay protection: the highest signed revision this store
// accepted per campaign id, withdrawals included (migration 404). Only a newer
// envelope may replace what screens play; see compareRevision in shared core.
import type { HeldRevision } from '@vitrine/shared/core';
import type { Db } from '../db/database';

export type HeldCampaign = HeldRevision & { withdrawn: boolean };

export class HeldRevisions {
  private readonly getQuery;
  private readonly upsert;

  constructor(db: Db) {
    this.getQuery = db.prepare(
      'SELECT revision, signature, withdrawn FROM campaign_held_revisions WHERE campaign_id = ?',
    );
    this.upsert = db.prepare(
      `INSERT INTO campaign_held_revisions (campaign_id, revision, signature, withdrawn, accepted_at)
       VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (campaign_id) DO UPDATE SET revision = excluded.revision,
         signature = excluded.signature, withdrawn = excluded.withdrawn, accepted_at = excluded.accepted_at`,
    );
  }

  get(campaignId: string): HeldCampaign | undefined {
    const row = this.getQuery.get(campaignId) as
      { revision: number; signature: string | null; withdrawn: number } | undefined;
    if (!row) return undefined;
    // A legacy withdrawal (migration 404) has no signature: nothing equals it.
    return {
      revision: row.revision,
      signature: row.signature ?? '',
      withdrawn: row.withdrawn === 1,
    };
  }

  hold(campaignId: string, held: HeldCampaign): void {
    this.upsert.run(
      campaignId,
      held.revision,
      held.signature,
      held.withdrawn ? 1 : 0,
      new Date().toISOString(),
    );
  }
}
