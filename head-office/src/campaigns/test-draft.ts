// A valid campaign draft (a campaign without `v` and `revision`) to start head office's tests from.
import type { CampaignDraftInput } from '@vitrine/shared/core';

export function testDraft(overrides: Partial<CampaignDraftInput> = {}): CampaignDraftInput {
  return {
    id: 'winter-sale',
    name: 'Winter sale',
    layout: {
      id: 'full',
      zones: [{ id: 'main', x: 0, y: 0, width: 100, height: 100, playlistId: 'p1' }],
    },
    playlists: [
      {
        id: 'p1',
        items: [{ id: 't', kind: 'ticker', durationMs: 5_000, text: { fr: 'Soldes', en: 'Sale' } }],
      },
    ],
    targeting: { stores: [], regions: [], groups: [], tags: [] },
    schedule: { startDate: '2026-12-01', weekdays: [1, 2, 3, 4, 5, 6, 7], dayParts: [] },
    priority: 10,
    shareOfVoice: 1,
    emergency: false,
    ...overrides,
  };
}
