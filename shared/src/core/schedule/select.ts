// Which campaign a screen shows now: targeted at it, scheduled now, the
// emergency ones first, then the highest priority; campaigns of equal
// priority share the screen slot by slot in proportion to their share of voice.
import type { Campaign, Targeting } from '../campaign/campaign';
import { isScheduleOn } from './evaluate';

/** What a screen is, for targeting. */
export type ScreenProfile = { storeId: string; region?: string; groups: string[]; tags: string[] };

export function isTargeted(targeting: Targeting, screen: ScreenProfile): boolean {
  const anyOf = (wanted: string[], have: string[]) =>
    wanted.length === 0 || wanted.some((value) => have.includes(value));
  return (
    anyOf(targeting.stores, [screen.storeId]) &&
    anyOf(targeting.regions, screen.region ? [screen.region] : []) &&
    anyOf(targeting.groups, screen.groups) &&
    anyOf(targeting.tags, screen.tags)
  );
}

export type Selection =
  | { mode: 'emergency' | 'scheduled'; campaign: Campaign; contenders: Campaign[] }
  | { mode: 'default' };

/** The campaigns competing now: emergencies if any, else the top priority. */
export function contendersAt(
  campaigns: readonly Campaign[],
  epochMs: number,
  context: { timeZone: string; screen: ScreenProfile },
): { mode: 'emergency' | 'scheduled'; campaigns: Campaign[] } | null {
  const live = campaigns.filter(
    (campaign) =>
      isTargeted(campaign.targeting, context.screen) &&
      isScheduleOn(campaign.schedule, epochMs, context.timeZone),
  );
  if (live.length === 0) return null;
  const emergencies = live.filter((campaign) => campaign.emergency);
  const pool = emergencies.length > 0 ? emergencies : live;
  const top = Math.max(...pool.map((campaign) => campaign.priority));
  return {
    mode: emergencies.length > 0 ? 'emergency' : 'scheduled',
    // Sorted by id so every screen agrees on the order of the rotation.
    campaigns: pool
      .filter((campaign) => campaign.priority === top)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  };
}

/**
 * Smooth weighted round-robin: weights 3 and 1 give A A B A, never A A A B, so
 * the minority campaign is spread out. Slot n of the rotation, pure.
 */
export function pickBySlot<T extends { shareOfVoice: number }>(
  candidates: readonly T[],
  slot: number,
): T {
  if (candidates.length === 0) throw new Error('pickBySlot needs at least one candidate');
  const total = candidates.reduce((sum, candidate) => sum + candidate.shareOfVoice, 0);
  const current = candidates.map(() => 0);
  let chosen = 0;
  for (let step = 0; step <= slot % total; step++) {
    chosen = 0;
    for (let i = 0; i < candidates.length; i++) {
      current[i]! += candidates[i]!.shareOfVoice;
      if (current[i]! > current[chosen]!) chosen = i;
    }
    current[chosen]! -= total;
  }
  return candidates[chosen]!;
}

export function selectCampaign(
  campaigns: readonly Campaign[],
  epochMs: number,
  context: { timeZone: string; screen: ScreenProfile; slot: number },
): Selection {
  const contenders = contendersAt(campaigns, epochMs, context);
  if (!contenders) return { mode: 'default' };
  return {
    mode: contenders.mode,
    campaign: pickBySlot(contenders.campaigns, context.slot),
    contenders: contenders.campaigns,
  };
}
