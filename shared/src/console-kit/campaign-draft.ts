// Building blocks of a draft as the editor assembles it: a new campaign, a new
// zone, playlist or item with sensible defaults. No checking here: the server
// (the store's or head office's) is the one judge, and its refusal message is shown as it is.
import type { CampaignDraftInput, PlaylistItem } from '../core';

/** A campaign as the editor holds it: the draft both consoles send. */
export type Draft = CampaignDraftInput;

export type ItemKind = PlaylistItem['kind'];
export const ITEM_KINDS: ItemKind[] = ['image', 'video', 'web', 'product', 'ticker', 'message'];

const today = () => new Date().toISOString().slice(0, 10);

/** A short id unique within its list: `prefix`, `prefix-2`, `prefix-3`… */
export function nextId(prefix: string, taken: readonly { id: string }[]): string {
  const ids = new Set(taken.map((entry) => entry.id));
  if (!ids.has(prefix)) return prefix;
  let n = 2;
  while (ids.has(`${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}

export function emptyDraft(): Draft {
  return {
    id: `campaign-${Date.now().toString(36)}`,
    name: '',
    layout: {
      id: 'layout',
      zones: [{ id: 'main', x: 0, y: 0, width: 100, height: 100, playlistId: 'main' }],
    },
    playlists: [{ id: 'main', items: [newItem('ticker', 'item')] }],
    targeting: { stores: [], regions: [], groups: [], tags: [] },
    schedule: { startDate: today(), weekdays: [1, 2, 3, 4, 5, 6, 7], dayParts: [] },
    priority: 10,
    shareOfVoice: 1,
    emergency: false,
  };
}

/** A new item of a kind; image and video items need a media file chosen before saving. */
export function newItem(kind: ItemKind, id: string, previous?: PlaylistItem): PlaylistItem {
  const base = { id, durationMs: previous?.durationMs ?? 10_000 };
  switch (kind) {
    case 'image':
      return { ...base, kind, media: { sha256: '', type: 'image/png', size: 1 } };
    case 'video':
      return { ...base, kind, media: { sha256: '', type: 'video/mp4', size: 1 } };
    case 'web':
      return { ...base, kind, url: 'https://' };
    case 'product':
      return { ...base, kind, productId: '' };
    case 'ticker':
    case 'message':
      return { ...base, kind, text: { fr: '', en: '' } };
  }
}

/** Comma- or space-separated ids, as typed into a targeting field. */
export function parseIdList(text: string): string[] {
  return text
    .split(/[,\s]+/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}
