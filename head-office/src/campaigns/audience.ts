// Where a campaign goes (plan §3.4 Campaigns): no targeting means every store, one message on
// HQ_CHAIN; a list of stores or regions is resolved here to the active stores it names, one
// message on each store's own subject, so a store reads only what is meant for it.
import type { PoolClient } from 'pg';
import { z } from 'zod';
import { StoreId, type Targeting } from '@vitrine/shared/core';

export const Audience = z.union([z.literal('all'), z.array(StoreId)]);
export type Audience = z.infer<typeof Audience>;

export class CampaignRefusedError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'CampaignRefusedError';
  }
}

/** The active stores a targeting names, sorted; "all" when it names none. */
export async function resolveAudience(client: PoolClient, targeting: Targeting): Promise<Audience> {
  if (targeting.groups.length > 0 || targeting.tags.length > 0) {
    throw new CampaignRefusedError(
      'targeting_unsupported',
      'head office targets stores and regions only: store groups and tags are not kept here yet',
    );
  }
  if (targeting.stores.length === 0 && targeting.regions.length === 0) return 'all';
  const known = await client.query<{ kind: string; id: string }>(
    `SELECT 'store' AS kind, id FROM stores WHERE id = ANY($1)
     UNION ALL SELECT 'region', id FROM regions WHERE id = ANY($2)`,
    [targeting.stores, targeting.regions],
  );
  const seen = new Set(known.rows.map((row) => `${row.kind}:${row.id}`));
  const unknown = [
    ...targeting.stores.filter((id) => !seen.has(`store:${id}`)).map((id) => `store ${id}`),
    ...targeting.regions.filter((id) => !seen.has(`region:${id}`)).map((id) => `region ${id}`),
  ];
  if (unknown.length > 0) {
    throw new CampaignRefusedError(
      'unknown_target',
      `the targeting names what head office does not know: ${unknown.join(', ')}`,
    );
  }
  const stores = await client.query<{ id: string }>(
    `SELECT id FROM stores WHERE status = 'active' AND (id = ANY($1) OR region_id = ANY($2))
      ORDER BY id`,
    [targeting.stores, targeting.regions],
  );
  return stores.rows.map((row) => row.id);
}

/**
 * The stores that held an earlier revision and are not in the new audience: each gets the
 * tombstone at the new revision, or they would keep playing the old one.
 */
export async function droppedStores(
  client: PoolClient,
  before: Audience,
  after: Audience,
): Promise<string[]> {
  if (after === 'all') return [];
  const keep = new Set(after);
  if (before !== 'all') return before.filter((id) => !keep.has(id));
  const active = await client.query<{ id: string }>(
    `SELECT id FROM stores WHERE status = 'active' ORDER BY id`,
  );
  return active.rows.map((row) => row.id).filter((id) => !keep.has(id));
}
