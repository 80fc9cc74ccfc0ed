// Emergency messages: head office (a publisher) for every store, or the store
// manager for this store, puts a full-screen message in French and English on
// every screen at once, and clears it. Each is a signed emergency campaign, so
// players verify it like any other and it survives a reload or an outage. A
// chain store signs its own with its own key, which its screens trust for that
// message only: it works while head office is out of reach.
import {
  STORE_EMERGENCY_ID,
  type CampaignDraftInput,
  type EmergencyOrigin as Origin,
  type StaffRole,
} from '@vitrine/shared/core';

/** Who may push and clear each kind of emergency. */
export const EMERGENCY_ROLES: Record<Origin, StaffRole[]> = {
  'head-office': ['publisher'],
  store: ['manager', 'publisher'],
};
/** The store's is the one id a chain store's own key may sign (core STORE_EMERGENCY_ID). */
export const emergencyCampaignId = (origin: Origin) =>
  origin === 'store' ? STORE_EMERGENCY_ID : 'emergency-head-office';

export function emergencyCampaign(
  origin: Origin,
  storeId: string,
  text: { fr: string; en: string },
): CampaignDraftInput {
  return {
    id: emergencyCampaignId(origin),
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
