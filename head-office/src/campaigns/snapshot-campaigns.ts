// The campaigns a store's fresh snapshot carries: every campaign head office ever published, as
// it stands for that store. One live for the store goes as its last signed envelope; any other
// (withdrawn, or live for other stores only) as a signed tombstone at its current revision, so a
// store that held it from a revision it never heard the end of takes it off its screens. The
// store keeps no tombstone of a campaign it never held (apply-campaign.ts).
import type { PoolClient } from 'pg';
import { SignedCampaign } from '@vitrine/shared/core';
import type { HeadOfficeKey } from '@vitrine/shared/node';
import { Audience } from './audience';
import { tombstone } from './publish-campaign';

export async function snapshotCampaigns(
  client: PoolClient,
  key: HeadOfficeKey,
  storeId: string,
): Promise<SignedCampaign[]> {
  const rows = await client.query<{
    id: string;
    revision: number;
    live_revision: number | null;
    audience: unknown;
    signed: unknown;
  }>(
    `SELECT id, revision, live_revision, audience, signed FROM campaigns
      WHERE published_at IS NOT NULL ORDER BY id`,
  );
  return rows.rows.map((row) => {
    const audience = Audience.parse(row.audience);
    const live = row.live_revision !== null && (audience === 'all' || audience.includes(storeId));
    if (live) return SignedCampaign.parse(row.signed);
    return key.sign(tombstone(row.id, row.revision));
  });
}
