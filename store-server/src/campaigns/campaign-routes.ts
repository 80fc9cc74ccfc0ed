// Head-office HTTP API: media upload, campaign drafts, approval (signing) and
// withdrawal, the trust anchor players pin, and the store-side entry point
// for signed campaigns arriving from head office.
import { Router } from 'express';
import { z } from 'zod';
import { MAX_MEDIA_BYTES, Sha256Hex, parseUnknown, type TrustAnchor } from '@vitrine/shared/core';
import { HttpError, parseOr400 } from '../http/http-error';
import { receiveToDisk } from '../http/upload-to-disk';
import { requireRole, type StaffAuth } from '../staff/staff-auth';
import { CampaignSettings, type ApprovalPolicy } from './approval-policy';
import type { CampaignService } from './campaign-service';
import type { MediaStore } from './media-store';
import type { SignedIntake } from './signed-intake';

const IdParam = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a campaign id') });
const UploadQuery = z.object({ name: z.string().min(1).max(200).default('upload') });

export function campaignRoutes(options: {
  auth: StaffAuth;
  campaigns: CampaignService;
  intake: SignedIntake;
  media: MediaStore;
  policy: ApprovalPolicy;
  anchor: TrustAnchor;
}): Router {
  const { auth, campaigns, intake, media, policy } = options;
  const router = Router();
  const id = (params: unknown) => parseOr400(parseUnknown(IdParam, params)).id;

  router.get('/campaigns/trust-anchor', (_req, res) => {
    res.json(options.anchor);
  });
  /** The chain's campaign settings (separation of duties); only an admin changes them. */
  router.get('/campaigns/settings', (req, res) => {
    requireRole(req, auth, 'editor', 'publisher');
    res.json(policy.settings());
  });
  router.put('/campaigns/settings', (req, res) => {
    requireRole(req, auth, 'admin');
    res.json(policy.saveSettings(parseOr400(parseUnknown(CampaignSettings, req.body))));
  });
  router.get('/campaigns', (req, res) => {
    requireRole(req, auth, 'editor', 'publisher');
    res.json({ campaigns: campaigns.list(), refusals: intake.refusals() });
  });
  router.put('/campaigns/:id', (req, res) => {
    const user = requireRole(req, auth, 'editor');
    const body: unknown = req.body;
    const bodyId = z.object({ id: z.string() }).safeParse(body);
    if (!bodyId.success || bodyId.data.id !== id(req.params)) {
      throw new HttpError(
        400,
        'invalid_campaign',
        'the campaign id in the body must match the URL',
      );
    }
    res.json(campaigns.saveDraft(body, user.id));
  });
  router.post('/campaigns/:id/submit', (req, res) => {
    const user = requireRole(req, auth, 'editor');
    res.json(campaigns.submit(id(req.params), user.id));
  });
  router.post('/campaigns/:id/approve', async (req, res) => {
    const user = requireRole(req, auth, 'publisher');
    res.json(await campaigns.approve(id(req.params), user.id));
  });
  router.post('/campaigns/:id/reject', (req, res) => {
    requireRole(req, auth, 'publisher');
    res.json(campaigns.reject(id(req.params)));
  });
  router.post('/campaigns/:id/withdraw', async (req, res) => {
    requireRole(req, auth, 'publisher');
    res.json(await campaigns.withdraw(id(req.params)));
  });
  /**
   * A signed campaign or withdrawal from head office (the bridge between head
   * office and stores); 409 when its revision is not newer than the one held.
   */
  router.post('/campaigns/signed', async (req, res) => {
    requireRole(req, auth, 'publisher');
    res.status(201).json(await intake.accept(req.body));
  });

  // Who and what come before a byte of the file; the file goes to disk as it arrives.
  router.post('/media', async (req, res) => {
    const user = requireRole(req, auth, 'editor');
    const { name } = parseOr400(parseUnknown(UploadQuery, req.query));
    const upload = await receiveToDisk(req, res, {
      dir: media.uploadDir,
      limit: MAX_MEDIA_BYTES,
      what: 'a media file',
    });
    res.status(201).json(media.saveUpload(upload, name, req.header('content-type'), user.id));
  });
  router.get('/media', (req, res) => {
    requireRole(req, auth, 'editor', 'publisher');
    res.json({ media: media.list() });
  });
  /** Media by content hash: immutable, so cached for a year. Public like product images. */
  router.get('/media/:sha256', (req, res) => {
    const sha = parseUnknown(Sha256Hex, req.params.sha256);
    const row = sha.ok ? media.get(sha.value) : undefined;
    if (!row) throw new HttpError(404, 'not_found', 'no such media');
    res.type(row.type).set('cache-control', 'public, max-age=31536000, immutable');
    res.sendFile(media.path(row.sha256));
  });
  return router;
}
