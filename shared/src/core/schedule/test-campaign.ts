// A valid campaign to start tests from (shared by schedule and campaign tests).
import type { Campaign } from '../campaign/campaign';

export function testCampaign(overrides: Partial<Campaign> = {}): Campaign {
  return {
    v: 1,
    id: 'spring-sale',
    name: 'Spring sale',
    revision: 1,
    layout: {
      id: 'full',
      zones: [{ id: 'main', x: 0, y: 0, width: 100, height: 100, playlistId: 'p1' }],
    },
    playlists: [
      {
        id: 'p1',
        items: [
          { id: 'i1', kind: 'ticker', durationMs: 5_000, text: { fr: 'Bonjour', en: 'Hello' } },
          { id: 'i2', kind: 'product', durationMs: 8_000, productId: 'p-00001' },
        ],
      },
    ],
    targeting: { stores: [], regions: [], groups: [], tags: [] },
    schedule: { startDate: '2026-01-01', weekdays: [1, 2, 3, 4, 5, 6, 7], dayParts: [] },
    priority: 10,
    shareOfVoice: 1,
    emergency: false,
    ...overrides,
  };
}
