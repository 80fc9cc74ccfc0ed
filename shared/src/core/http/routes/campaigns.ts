// Campaigns at head office: drafts, the approval workflow (signing), signed
// campaigns arriving at a store, the media library, emergency messages, and
// live product cards for the preview.
import { z } from 'zod';
import { CampaignBody, MAX_MEDIA_BYTES, MediaRef } from '../../campaign/campaign';
import { PreviewCards } from '../../campaign/preview-card';
import { TrustAnchorOffer } from '../../campaign/signed-campaign';
import { anyone, route, staff } from '../route';
import { idParam } from './ids';

/** What the console sends: a campaign without the fields publication sets. */
export const CampaignDraftInput = CampaignBody.omit({ v: true, revision: true });
export type CampaignDraftInput = z.infer<typeof CampaignDraftInput>;

export const CampaignStatus = z.enum(['draft', 'submitted', 'published', 'withdrawn']);
export type CampaignStatus = z.infer<typeof CampaignStatus>;

export const ApprovalRecord = z.object({
  campaignId: z.string(),
  revision: z.number(),
  editors: z.array(z.string()),
  submittedBy: z.string().nullable(),
  approvedBy: z.string(),
  /** The chain allows self-approval and this publisher used it (an exception on record). */
  selfApproved: z.boolean(),
  at: z.string(),
});
export type ApprovalRecord = z.infer<typeof ApprovalRecord>;

export const CampaignRecord = z.object({
  id: z.string(),
  status: CampaignStatus,
  revision: z.number(),
  body: CampaignDraftInput,
  createdBy: z.string(),
  updatedAt: z.string(),
  approvedBy: z.string().nullable(),
  publishedAt: z.string().nullable(),
  /** The signed revision screens play now (null: none), whatever the working copy's status. */
  liveRevision: z.number().nullable(),
  /** Who edited the working copy since its last publication, and who submitted it. */
  editors: z.array(z.string()),
  submittedBy: z.string().nullable(),
  approvals: z.array(ApprovalRecord),
});
export type CampaignRecord = z.infer<typeof CampaignRecord>;

/** A signed campaign the store refused (bad signature, invalid, a replay). */
export const CampaignRefusal = z.object({
  campaignId: z.string().nullable(),
  reason: z.string(),
  at: z.string(),
  /** A replay: the revision offered and the one the store held. */
  revision: z.number().nullable(),
  heldRevision: z.number().nullable(),
});
export type CampaignRefusal = z.infer<typeof CampaignRefusal>;

export const CampaignSettings = z.object({
  /** A publisher may approve a campaign they edited or submitted (recorded as an exception). */
  allowSelfApproval: z.boolean(),
});
export type CampaignSettings = z.infer<typeof CampaignSettings>;

export const MediaRow = MediaRef.extend({ name: z.string(), uploadedAt: z.string() });
export type MediaRow = z.infer<typeof MediaRow>;

const Line = z.string().trim().min(1, 'a message cannot be empty').max(300);
export const EmergencyInput = z.object({ text: z.object({ fr: Line, en: Line }) });
export const EmergencyOrigin = z.enum(['head-office', 'store']);
export type EmergencyOrigin = z.infer<typeof EmergencyOrigin>;

const campaign = idParam('campaign');
const editors = staff('editor');
const publishers = staff('publisher');
const action = (name: string, summary: string, auth: typeof editors | typeof publishers) =>
  route({
    method: 'POST',
    path: `/campaigns/:id/${name}`,
    summary,
    auth,
    params: campaign,
    response: CampaignRecord,
  });

export const campaignRoutes = {
  trustAnchor: route({
    method: 'GET',
    path: '/campaigns/trust-anchor',
    summary:
      "Head office's public key, which players pin to verify campaigns (and a chain store's own, for its emergency message only)",
    auth: anyone,
    response: TrustAnchorOffer,
  }),
  settings: route({
    method: 'GET',
    path: '/campaigns/settings',
    summary: "The chain's campaign settings (separation of duties)",
    auth: staff('editor', 'publisher'),
    response: CampaignSettings,
  }),
  saveSettings: route({
    method: 'PUT',
    path: '/campaigns/settings',
    summary: "Changes the chain's campaign settings (admin only)",
    auth: staff('admin'),
    body: CampaignSettings,
    response: CampaignSettings,
  }),
  list: route({
    method: 'GET',
    path: '/campaigns',
    summary: 'Every campaign with its status, and the latest signed campaigns refused',
    auth: staff('editor', 'publisher'),
    // Records one by one (readableCampaigns): one unreadable record never hides the others.
    response: z.object({ campaigns: z.array(z.unknown()), refusals: z.array(CampaignRefusal) }),
  }),
  saveDraft: route({
    method: 'PUT',
    path: '/campaigns/:id',
    summary: 'Saves a draft (the id in the body must match the URL)',
    auth: editors,
    params: campaign,
    body: CampaignDraftInput,
    limit: 256 * 1024,
    response: CampaignRecord,
  }),
  submit: action('submit', 'Submits a draft for approval', editors),
  approve: action(
    'approve',
    'Approves and signs a submitted campaign: screens play it',
    publishers,
  ),
  reject: action('reject', 'Sends a submitted campaign back to its editors', publishers),
  withdraw: action('withdraw', 'Withdraws the live revision (a signed tombstone)', publishers),
  acceptSigned: route({
    method: 'POST',
    path: '/campaigns/signed',
    summary: 'A signed campaign or withdrawal from head office; 409 when not newer than held',
    auth: publishers,
    body: z.unknown(),
    limit: 256 * 1024,
    response: z.object({ id: z.string(), revision: z.number(), withdrawn: z.boolean() }),
    status: 201,
  }),
  preview: route({
    method: 'GET',
    path: '/campaigns/preview/products',
    summary: "Product cards with this store's live price, promotion and stock",
    auth: staff('editor', 'publisher'),
    query: z.object({
      ids: z
        .string()
        .transform((text) => [...new Set(text.split(',').filter(Boolean))])
        .pipe(
          z
            .array(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'product ids'))
            .min(1)
            .max(50),
        ),
    }),
    response: PreviewCards,
  }),
  uploadMedia: route({
    method: 'POST',
    path: '/media',
    summary: 'Uploads a media file (the type is read from its bytes), stored by SHA-256',
    auth: editors,
    query: z.object({ name: z.string().min(1).max(200).default('upload') }),
    body: {
      upload: {
        limit: MAX_MEDIA_BYTES,
        types: ['image/png', 'image/jpeg', 'video/mp4', 'video/webm'],
      },
    },
    response: MediaRow,
    status: 201,
  }),
  listMedia: route({
    method: 'GET',
    path: '/media',
    summary: 'The media library',
    auth: staff('editor', 'publisher'),
    response: z.object({ media: z.array(MediaRow) }),
  }),
  media: route({
    method: 'GET',
    path: '/media/:sha256',
    summary: 'A media file by content hash: immutable, cached for a year, public',
    auth: anyone,
    params: z.object({ sha256: z.string() }),
    response: { raw: 'application/octet-stream' },
  }),
  emergencies: route({
    method: 'GET',
    path: '/emergency',
    summary: 'The emergency messages on screens now',
    auth: staff('manager', 'editor', 'publisher'),
    response: z.object({
      emergencies: z.array(z.object({ origin: EmergencyOrigin, record: CampaignRecord })),
    }),
  }),
  pushEmergency: route({
    method: 'PUT',
    path: '/emergency/:origin',
    summary: 'Puts a message on every screen (store: a manager; head office: a publisher)',
    auth: staff('manager', 'publisher'),
    params: z.object({ origin: EmergencyOrigin }),
    body: EmergencyInput,
    response: CampaignRecord,
  }),
  clearEmergency: route({
    method: 'DELETE',
    path: '/emergency/:origin',
    summary: 'Clears an emergency message; 404 when none is on',
    auth: staff('manager', 'publisher'),
    params: z.object({ origin: EmergencyOrigin }),
    response: CampaignRecord,
  }),
} as const;

/** The records of a campaign list that parse; an unreadable one is left out, not fatal. */
export const readableCampaigns = (records: readonly unknown[]): CampaignRecord[] =>
  records.flatMap((raw) => {
    const parsed = CampaignRecord.safeParse(raw);
    return parsed.success ? [parsed.data] : [];
  });
