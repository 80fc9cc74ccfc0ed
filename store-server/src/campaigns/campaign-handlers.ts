// Campaign handlers (routes: shared/src/core/http/routes/campaigns.ts): drafts,
// approval (signing) and withdrawal, the trust anchor players pin, signed
// campaigns arriving from head office, media, emergencies and the preview.
import {
  Sha256Hex,
  parseUnknown,
  type TrustAnchor,
  type campaignRoutes,
} from '@vitrine/shared/core';
import { HttpError } from '@vitrine/shared/node';
import type { Handlers } from '../http/register-routes';
import { receiveToDisk } from '../http/upload-to-disk';
import type { StaffUser } from '../staff/staff-store';
import type { ApprovalPolicy } from './approval-policy';
import type { CampaignService } from './campaign-service';
import { EMERGENCY_ROLES, emergencyCampaign, emergencyCampaignId } from './emergency-campaign';
import type { MediaStore } from './media-store';
import { previewCards } from './preview-cards';
import type { SignedIntake } from './signed-intake';
import type { DocStore } from '../sync/doc-store';
import { MAX_MEDIA_BYTES } from '@vitrine/shared/core';

/** The route lets managers and publishers in; each origin narrows it (EMERGENCY_ROLES). */
function mayHandle(user: StaffUser, origin: keyof typeof EMERGENCY_ROLES): void {
  const roles = EMERGENCY_ROLES[origin];
  if (!user.roles.some((role) => role === 'admin' || roles.includes(role)))
    throw new HttpError(403, 'forbidden', `this needs one of the roles: ${roles.join(', ')}`);
}

export function campaignHandlers(options: {
  campaigns: CampaignService;
  intake: SignedIntake;
  media: MediaStore;
  policy: ApprovalPolicy;
  anchor: TrustAnchor;
  /** A chain store's own key, offered to its players for its emergency message only. */
  storeEmergency?: TrustAnchor;
  docs: DocStore;
  storeId: string;
  /** A chain store (--hq-link): its campaigns are written at head office, not here. */
  headOffice?: { url: string | undefined };
}): Handlers<typeof campaignRoutes> {
  const { campaigns, intake, media, policy } = options;
  /** Writes are refused on a chain store; reads and the signed intake work as usual. */
  const chainStore = () => {
    if (options.headOffice) throw managedByHeadOffice(options.headOffice.url);
  };
  return {
    trustAnchor: () => ({
      ...options.anchor,
      ...(options.storeEmergency && { storeEmergency: options.storeEmergency }),
    }),
    settings: () => policy.settings(),
    saveSettings: ({ body }) => {
      chainStore();
      return policy.saveSettings(body);
    },
    list: () => ({ campaigns: campaigns.list(), refusals: intake.refusals() }),
    saveDraft: ({ params, body, caller }) => {
      chainStore();
      if (body.id !== params.id)
        throw new HttpError(
          400,
          'invalid_campaign',
          'the campaign id in the body must match the URL',
        );
      return campaigns.saveDraft(body, caller.id);
    },
    submit: ({ params, caller }) => {
      chainStore();
      return campaigns.submit(params.id, caller.id);
    },
    approve: ({ params, caller }) => {
      chainStore();
      return campaigns.approve(params.id, caller.id);
    },
    reject: ({ params }) => {
      chainStore();
      return campaigns.reject(params.id);
    },
    withdraw: ({ params }) => {
      chainStore();
      return campaigns.withdraw(params.id);
    },
    acceptSigned: ({ body }) => intake.accept(body),
    preview: ({ query }) => ({ cards: previewCards(options.docs, query.ids, options.storeId) }),
    // Who and what come before a byte of the file; the file goes to disk as it arrives.
    uploadMedia: async ({ query, req, res, caller }) => {
      chainStore();
      const upload = await receiveToDisk(req, res, {
        dir: media.uploadDir,
        limit: MAX_MEDIA_BYTES,
        what: 'a media file',
      });
      return media.saveUpload(upload, query.name, req.header('content-type'), caller.id);
    },
    listMedia: () => ({ media: media.list() }),
    media: ({ params, res }) => {
      const sha = parseUnknown(Sha256Hex, params.sha256);
      const row = sha.ok ? media.get(sha.value) : undefined;
      if (!row) throw new HttpError(404, 'not_found', 'no such media');
      res.type(row.type).set('cache-control', 'public, max-age=31536000, immutable');
      res.sendFile(media.path(row.sha256));
    },
    emergencies: () => ({
      emergencies: (['head-office', 'store'] as const).flatMap((origin) => {
        const record = campaigns.get(emergencyCampaignId(origin));
        return record?.liveRevision ? [{ origin, record }] : [];
      }),
    }),
    pushEmergency: ({ params, body, caller }) => {
      if (params.origin === 'head-office') chainStore();
      mayHandle(caller, params.origin);
      const draft = emergencyCampaign(params.origin, options.storeId, body.text);
      return campaigns.publishEmergency(draft, caller.id);
    },
    clearEmergency: ({ params, caller }) => {
      if (params.origin === 'head-office') chainStore();
      mayHandle(caller, params.origin);
      const record = campaigns.get(emergencyCampaignId(params.origin));
      if (!record?.liveRevision) throw new HttpError(404, 'not_found', 'no emergency message on');
      return campaigns.withdraw(record.id);
    },
  };
}

/** A chain store's answer to authoring: 409, and where campaigns are written instead. */
function managedByHeadOffice(url: string | undefined): HttpError {
  return new HttpError(
    409,
    'managed_by_head_office',
    `this store's campaigns are written and approved at head office${url ? ` (${url})` : ''}; ` +
      "only the store's own emergency message is posted here",
  );
}
