// A head-office campaign: a layout of zones, each playing a playlist, with its
// targeting and schedule. Signed as a whole (see signing.ts); the refinements
// below are the console's and the player's "refuse invalid content" rules.
import { z } from 'zod';
import { Schedule, scheduleProblems } from '../schedule/schedule-types';

const Localized = z.object({ fr: z.string().max(500), en: z.string().max(500) });
const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '1-64 of A-Z a-z 0-9 _ -');
export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lower-case hex');

export const MEDIA_TYPES = [
  'image/png',
  'image/jpeg',
  'image/webp',
  'video/mp4',
  'video/webm',
] as const;
export const MediaType = z.enum(MEDIA_TYPES);
export type MediaType = z.infer<typeof MediaType>;
/** Largest media file the store server accepts (a 30 s 1080p clip fits). */
export const MAX_MEDIA_BYTES = 64 * 1024 * 1024;

export const MediaRef = z.object({
  sha256: Sha256Hex,
  type: MediaType,
  size: z.number().int().positive().max(MAX_MEDIA_BYTES),
});
export type MediaRef = z.infer<typeof MediaRef>;

const Duration = z.number().int().min(1_000).max(3_600_000);
const itemBase = { id: Id, durationMs: Duration };

export const PlaylistItem = z.discriminatedUnion('kind', [
  z.object({ ...itemBase, kind: z.literal('image'), media: MediaRef }),
  z.object({ ...itemBase, kind: z.literal('video'), media: MediaRef }),
  /** A web page, shown in a sandboxed frame without scripts' access to us. */
  z.object({ ...itemBase, kind: z.literal('web'), url: z.url({ protocol: /^https$/ }) }),
  /** Live price, promotion and stock of one product, from the local copy. */
  z.object({ ...itemBase, kind: z.literal('product'), productId: Id }),
  /**
   * Scrolling text; with `promotions`, followed by the labels of the promotions
   * running at that moment (read live on the screen, so an ended one leaves).
   */
  z.object({
    ...itemBase,
    kind: z.literal('ticker'),
    text: Localized,
    promotions: z.boolean().optional(),
  }),
  /** A still message filling its zone in both languages (emergencies): the screen's first. */
  z.object({ ...itemBase, kind: z.literal('message'), text: Localized }),
]);
export type PlaylistItem = z.infer<typeof PlaylistItem>;

export const Playlist = z.object({ id: Id, items: z.array(PlaylistItem).min(1).max(200) });
export type Playlist = z.infer<typeof Playlist>;

const Percent = z.number().min(0).max(100);
export const Zone = z.object({
  id: Id,
  x: Percent,
  y: Percent,
  width: Percent.positive(),
  height: Percent.positive(),
  playlistId: Id,
});
export type Zone = z.infer<typeof Zone>;

export const Layout = z.object({ id: Id, zones: z.array(Zone).min(1).max(8) });
export type Layout = z.infer<typeof Layout>;

/** Empty lists mean "every": a campaign with no targeting plays everywhere. */
export const Targeting = z.object({
  stores: z.array(Id).max(1_000),
  regions: z.array(Id).max(100),
  groups: z.array(Id).max(100),
  tags: z.array(Id).max(100),
});
export type Targeting = z.infer<typeof Targeting>;

export const CAMPAIGN_VERSION = 1;

export const CampaignBody = z.object({
  v: z.literal(CAMPAIGN_VERSION),
  id: Id,
  name: z.string().min(1).max(120),
  /** Grows at each publication: a player never goes back to an older one. */
  revision: z.number().int().positive(),
  layout: Layout,
  playlists: z.array(Playlist).min(1).max(8),
  targeting: Targeting,
  schedule: Schedule,
  /** Higher wins; equal priorities share the screen by `shareOfVoice`. */
  priority: z.number().int().min(0).max(100),
  shareOfVoice: z.number().int().min(1).max(100),
  /** Interrupts everything at once and stays until unpublished. */
  emergency: z.boolean(),
  /** Screens of this group start items together at agreed times. */
  syncGroup: Id.optional(),
});

/** Everything that can be wrong in a campaign besides its shape. */
export function campaignProblems(campaign: z.infer<typeof CampaignBody>): string[] {
  const problems: string[] = [];
  const playlists = new Set(campaign.playlists.map((playlist) => playlist.id));
  if (playlists.size !== campaign.playlists.length) problems.push('playlist ids must be unique');
  for (const zone of campaign.layout.zones) {
    if (!playlists.has(zone.playlistId)) {
      problems.push(`zone ${zone.id} refers to a playlist that does not exist: ${zone.playlistId}`);
    }
    if (zone.x + zone.width > 100.0001 || zone.y + zone.height > 100.0001) {
      problems.push(`zone ${zone.id} does not fit on the screen`);
    }
  }
  for (const playlist of campaign.playlists) {
    const ids = new Set(playlist.items.map((item) => item.id));
    if (ids.size !== playlist.items.length) {
      problems.push(`playlist ${playlist.id}: item ids must be unique`);
    }
  }
  problems.push(...scheduleProblems(campaign.schedule));
  return problems;
}

export const Campaign = CampaignBody.superRefine((campaign, context) => {
  for (const message of campaignProblems(campaign)) context.addIssue({ code: 'custom', message });
});
export type Campaign = z.infer<typeof Campaign>;

/** Every media file a campaign needs, once each. */
export function campaignMedia(campaign: Campaign): MediaRef[] {
  const byHash = new Map<string, MediaRef>();
  for (const playlist of campaign.playlists) {
    for (const item of playlist.items) {
      if (item.kind === 'image' || item.kind === 'video') byHash.set(item.media.sha256, item.media);
    }
  }
  return [...byHash.values()];
}
