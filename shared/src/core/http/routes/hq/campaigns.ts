// Head office's campaigns, as its console and scripts drive them: publish a campaign (signed,
// queued to the stores it targets), withdraw it, list them.
import { z } from 'zod';
import { route } from '../../route';
import { CampaignDraftInput, CampaignStatus } from '../campaigns';
import { idParam } from '../ids';
import { hqPublisher, hqReader } from './roles';

const KiB = 1024;
/** A campaign at its largest (8 zones, 200 items a playlist, long texts) fits. */
const CAMPAIGN_BODY_LIMIT = 512 * KiB;
const PAGE = 100;
const CampaignId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a campaign id');

export const HqCampaign = z.object({
  id: z.string(),
  name: z.string(),
  status: CampaignStatus,
  revision: z.number().int(),
  /** The revision on screens now; null once withdrawn. */
  liveRevision: z.number().int().nullable(),
  /** "all", or the stores the last revision went to. */
  audience: z.union([z.literal('all'), z.array(z.string())]),
  updatedAt: z.iso.datetime(),
  publishedAt: z.iso.datetime().nullable(),
});
export type HqCampaign = z.infer<typeof HqCampaign>;

export const HqPublication = z.object({
  id: z.string(),
  revision: z.number().int(),
  audience: z.union([z.literal('all'), z.array(z.string())]),
  /** Stores that held an earlier revision and were sent its withdrawal. */
  withdrawnFrom: z.array(z.string()),
});

export const hqCampaignRoutes = {
  publish: route({
    method: 'POST',
    path: '/campaigns',
    summary: 'Publish a campaign (new, or its next revision): signed and sent to its stores',
    auth: hqPublisher,
    body: CampaignDraftInput,
    limit: CAMPAIGN_BODY_LIMIT,
    response: HqPublication,
    status: 201,
  }),
  withdraw: route({
    method: 'POST',
    path: '/campaigns/:id/withdraw',
    summary: 'Withdraw a published campaign from every screen it reached',
    auth: hqPublisher,
    params: idParam('campaign'),
    response: HqPublication,
  }),
  draft: route({
    method: 'GET',
    path: '/campaigns/:id/draft',
    summary: 'What a campaign was last published as, to edit it and publish its next revision',
    auth: hqReader,
    params: idParam('campaign'),
    response: CampaignDraftInput,
  }),
  list: route({
    method: 'GET',
    path: '/campaigns',
    summary: `Campaigns by id, ${PAGE} a page: pass the last id as "after" for the next`,
    auth: hqReader,
    query: z.object({ after: CampaignId.optional() }),
    response: z.object({ campaigns: z.array(HqCampaign), next: z.string().nullable() }),
  }),
} as const;

export const HQ_CAMPAIGNS_PAGE = PAGE;
