import { describe, expect, it } from 'vitest';
import { contendersAt, isTargeted, pickBySlot, selectCampaign, type ScreenProfile } from './select';
import { testCampaign } from './test-campaign';
import { nextPosition, positionAt } from './timeline';

const screen: ScreenProfile = {
  storeId: 'paris-rivoli',
  region: 'idf',
  groups: ['entrance'],
  tags: ['4k'],
};
const context = { timeZone: 'Europe/Paris', screen, slot: 0 };
const noon = Date.parse('2026-12-02T11:00:00Z');

describe('campaign selection', () => {
  it('targets by store, region, group and tags (empty means every)', () => {
    const none = { stores: [], regions: [], groups: [], tags: [] };
    expect(isTargeted(none, screen)).toBe(true);
    expect(isTargeted({ ...none, stores: ['lyon-bellecour'] }, screen)).toBe(false);
    expect(isTargeted({ ...none, regions: ['idf'], groups: ['entrance', 'aisle'] }, screen)).toBe(
      true,
    );
    expect(isTargeted({ ...none, tags: ['portrait'] }, screen)).toBe(false);
    expect(isTargeted({ ...none, regions: ['idf'] }, { ...screen, region: undefined })).toBe(false);
  });

  it('shows the highest priority, and the default layout when nothing is on', () => {
    const low = testCampaign({ id: 'low', priority: 1 });
    const high = testCampaign({ id: 'high', priority: 50 });
    const later = testCampaign({
      id: 'later',
      priority: 99,
      schedule: { startDate: '2027-01-01', weekdays: [1, 2, 3, 4, 5, 6, 7], dayParts: [] },
    });
    const chosen = selectCampaign([low, high, later], noon, context);
    expect(chosen.mode === 'scheduled' && chosen.campaign.id).toBe('high');
    expect(selectCampaign([later], noon, context)).toEqual({ mode: 'default' });
  });

  it('lets an emergency override everything until it is cleared', () => {
    const normal = testCampaign({ id: 'normal', priority: 100 });
    const alert = testCampaign({ id: 'evacuate', priority: 0, emergency: true });
    const on = selectCampaign([normal, alert], noon, context);
    expect(on.mode).toBe('emergency');
    expect(on.mode !== 'default' && on.campaign.id).toBe('evacuate');
    // Cleared = unpublished: the campaign is gone from the list.
    const off = selectCampaign([normal], noon, context);
    expect(off.mode === 'scheduled' && off.campaign.id).toBe('normal');
  });

  it('shares the screen by share of voice, spread out, in an order every screen agrees on', () => {
    const a = testCampaign({ id: 'a', shareOfVoice: 3 });
    const b = testCampaign({ id: 'b', shareOfVoice: 1 });
    const contenders = contendersAt([b, a], noon, context)!.campaigns;
    const picks = Array.from({ length: 8 }, (_, slot) => pickBySlot(contenders, slot).id);
    expect(picks).toEqual(['a', 'a', 'b', 'a', 'a', 'a', 'b', 'a']);
  });

  it('positions a playlist from its anchor, and the next item starts when the current ends', () => {
    const playlist = testCampaign().playlists[0]!; // 5 s + 8 s
    const anchor = 1_000_000;
    expect(positionAt(playlist, anchor, anchor + 4_999)).toMatchObject({ index: 0, cycle: 0 });
    const second = positionAt(playlist, anchor, anchor + 5_000);
    expect(second).toMatchObject({ index: 1, startsAt: anchor + 5_000, endsAt: anchor + 13_000 });
    expect(nextPosition(playlist, second)).toMatchObject({
      index: 0,
      cycle: 1,
      startsAt: anchor + 13_000,
    });
    expect(positionAt(playlist, anchor, anchor + 13_000 * 1_000 + 6_000)).toMatchObject({
      index: 1,
      cycle: 1_000,
    });
  });
});
