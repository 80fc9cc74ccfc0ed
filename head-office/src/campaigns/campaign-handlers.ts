// The handlers of head office's `campaigns` routes: publish and withdraw through
// publishCampaign/withdrawCampaign (their refusals are the caller's to fix: 400, or 409 when the
// campaign's state forbids it), and the campaigns listed by id after a cursor.
import type { Pool } from 'pg';
import { CampaignDraftInput, HQ_CAMPAIGNS_PAGE, type HqCampaign } from '@vitrine/shared/core';
import { HttpError, type HeadOfficeKey, type Logger } from '@vitrine/shared/node';
import type { HqHandlers } from '../http/register-api';
import { Audience, CampaignRefusedError } from './audience';
import { publishCampaign, withdrawCampaign, type CampaignPublication } from './publish-campaign';

/** A refusal whose input is fine but whose moment is not: 409. Every other refusal is a 400. */
const CONFLICTS = new Set(['not_published']);

async function refusalsAnswered<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof CampaignRefusedError)) throw error;
    throw new HttpError(CONFLICTS.has(error.code) ? 409 : 400, error.code, error.message);
  }
}

const answer = (publication: CampaignPublication) => ({
  id: publication.id,
  revision: publication.revision,
  audience: publication.audience,
  withdrawnFrom: publication.withdrawnFrom,
});

type Row = {
  id: string;
  name: string | null;
  status: HqCampaign['status'];
  revision: number;
  live_revision: number | null;
  audience: unknown;
  updated_at: Date;
  published_at: Date | null;
};

async function listCampaigns(pool: Pool, after: string | undefined) {
  const result = await pool.query<Row>(
    `SELECT id, body->>'name' AS name, status, revision, live_revision, audience, updated_at,
            published_at
       FROM campaigns WHERE $1::text IS NULL OR id > $1 ORDER BY id LIMIT $2`,
    [after ?? null, HQ_CAMPAIGNS_PAGE],
  );
  const campaigns: HqCampaign[] = result.rows.map((row) => ({
    id: row.id,
    name: row.name ?? row.id,
    status: row.status,
    revision: row.revision,
    liveRevision: row.live_revision,
    audience: Audience.parse(row.audience),
    updatedAt: row.updated_at.toISOString(),
    publishedAt: row.published_at?.toISOString() ?? null,
  }));
  const next = campaigns.length === HQ_CAMPAIGNS_PAGE ? (campaigns.at(-1)?.id ?? null) : null;
  return { campaigns, next };
}

export function campaignHandlers(deps: {
  pool: Pool;
  log: Logger;
  signingKey: HeadOfficeKey;
}): HqHandlers['campaigns'] {
  const { pool, log, signingKey } = deps;
  return {
    publish: async ({ body }) => {
      const publication = await refusalsAnswered(() => publishCampaign(pool, signingKey, body));
      log.info({ campaign: publication.id, revision: publication.revision }, 'campaign published');
      return answer(publication);
    },
    withdraw: async ({ params }) => {
      const publication = await refusalsAnswered(() =>
        withdrawCampaign(pool, signingKey, params.id),
      );
      log.info({ campaign: publication.id, revision: publication.revision }, 'campaign withdrawn');
      return answer(publication);
    },
    list: ({ query }) => listCampaigns(pool, query.after),
    draft: async ({ params }) => {
      const held = await pool.query<{ body: unknown }>('SELECT body FROM campaigns WHERE id = $1', [
        params.id,
      ]);
      const row = held.rows[0];
      if (!row)
        throw new HttpError(404, 'campaign_not_found', `no campaign ${params.id} at head office`);
      return CampaignDraftInput.parse(row.body);
    },
  };
}
