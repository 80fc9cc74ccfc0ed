// Emergency messages: head office (a publisher) for every store, or the store
// manager for this store, puts a full-screen message in French and English on
// every screen at once, and clears it. Each is a signed emergency campaign, so
// players verify it like any other and it survives a reload or an outage.
import { Router } from 'express';
import { z } from 'zod';
import { parseUnknown } from '@vitrine/shared/core';
import { HttpError, parseOr400 } from '../http/http-error';
import type { StaffRole } from '../staff/staff-store';
import { requireRole, type StaffAuth } from '../staff/staff-auth';
import type { CampaignService, CampaignDraftInput } from './campaign-service';

const Line = z.string().trim().min(1, 'a message cannot be empty').max(300);
export const EmergencyInput = z.object({ text: z.object({ fr: Line, en: Line }) });
const OriginParam = z.object({ origin: z.enum(['head-office', 'store']) });
type Origin = z.infer<typeof OriginParam>['origin'];

/** Who may push and clear each kind of emergency. */
const ROLES: Record<Origin, StaffRole[]> = {
  'head-office': ['publisher'],
  store: ['manager', 'publisher'],
};
const campaignId = (origin: Origin) => `emergency-${origin}`;

function emergencyCampaign(
  origin: Origin,
  storeId: string,
  text: { fr: string; en: string },
): CampaignDraftInput {
  return {
    id: campaignId(origin),
    name: origin === 'store' ? 'Message d’urgence du magasin' : 'Message d’urgence du siège',
    layout: {
      id: 'full',
      zones: [{ id: 'all', x: 0, y: 0, width: 100, height: 100, playlistId: 'message' }],
    },
    playlists: [
      { id: 'message', items: [{ id: 'message', kind: 'message', durationMs: 3_600_000, text }] },
    ],
    targeting: { stores: origin === 'store' ? [storeId] : [], regions: [], groups: [], tags: [] },
    schedule: { startDate: '2020-01-01', weekdays: [1, 2, 3, 4, 5, 6, 7], dayParts: [] },
    priority: 100,
    shareOfVoice: 1,
    emergency: true,
  };
}

export function emergencyRoutes(options: {
  auth: StaffAuth;
  campaigns: CampaignService;
  storeId: string;
}): Router {
  const { auth, campaigns } = options;
  const router = Router();
  const origin = (params: unknown) => parseOr400(parseUnknown(OriginParam, params)).origin;

  router.get('/emergency', (req, res) => {
    requireRole(req, auth, 'manager', 'editor', 'publisher');
    const live = (['head-office', 'store'] as const).flatMap((kind) => {
      const record = campaigns.get(campaignId(kind));
      return record?.liveRevision ? [{ origin: kind, record }] : [];
    });
    res.json({ emergencies: live });
  });
  router.put('/emergency/:origin', async (req, res) => {
    const kind = origin(req.params);
    const user = requireRole(req, auth, ...ROLES[kind]);
    const { text } = parseOr400(parseUnknown(EmergencyInput, req.body));
    const body = emergencyCampaign(kind, options.storeId, text);
    res.json(await campaigns.publishEmergency(body, user.id));
  });
  router.delete('/emergency/:origin', async (req, res) => {
    const kind = origin(req.params);
    requireRole(req, auth, ...ROLES[kind]);
    const record = campaigns.get(campaignId(kind));
    if (!record?.liveRevision) throw new HttpError(404, 'not_found', 'no emergency message on');
    res.json(await campaigns.withdraw(record.id));
  });
  return router;
}
