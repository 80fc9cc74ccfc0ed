// Head office as the e2e tests drive it: sign in, upload media, draft,
// submit and approve campaigns over the real HTTP API.
import { apiRoutes, type Campaign, type RouteDef } from '@vitrine/shared/core';
import { signIn as signInAs } from '../staff/staff-helpers';
import { fetchRoute, type RouteProbe } from '../support/route-fetch';

/** A valid 1×1 PNG. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

export type Draft = Omit<Campaign, 'v' | 'revision'>;

/** Signs a demo user in; resolves with the session token. */
export const signIn = (url: string, userId: string): Promise<string> => signInAs({ url }, userId);

/** Calls a route of the table as `token`, whatever the answer: its status and JSON body. */
export async function call(
  url: string,
  token: string,
  definition: RouteDef,
  probe: Omit<RouteProbe, 'token'> = {},
): Promise<{ status: number; body: unknown }> {
  const response = await fetchRoute(url, definition, { ...probe, token });
  return { status: response.status, body: await response.json().catch(() => null) };
}

export async function uploadPng(
  url: string,
  token: string,
  bytes: Uint8Array<ArrayBuffer> = TINY_PNG,
) {
  const response = await fetchRoute(url, apiRoutes.campaigns.uploadMedia, {
    query: { name: 'tiny.png' },
    token,
    headers: { 'content-type': 'image/png' },
    body: bytes,
  });
  if (response.status !== 201)
    throw new Error(`upload: ${response.status} ${await response.text()}`);
  return (await response.json()) as { sha256: string; type: 'image/png'; size: number };
}

export function draft(
  id: string,
  media: { sha256: string; type: 'image/png'; size: number },
): Draft {
  return {
    id,
    name: `Campaign ${id}`,
    layout: {
      id: 'full',
      zones: [{ id: 'main', x: 0, y: 0, width: 100, height: 100, playlistId: 'p1' }],
    },
    playlists: [
      {
        id: 'p1',
        items: [
          { id: 'picture', kind: 'image', durationMs: 1_500, media },
          { id: 'words', kind: 'ticker', durationMs: 1_500, text: { fr: 'Promo', en: 'Sale' } },
        ],
      },
    ],
    targeting: { stores: [], regions: [], groups: [], tags: [] },
    schedule: { startDate: '2020-01-01', weekdays: [1, 2, 3, 4, 5, 6, 7], dayParts: [] },
    priority: 10,
    shareOfVoice: 1,
    emergency: false,
  };
}

/** Editor drafts and submits, publisher approves (signs and publishes). */
export async function publish(url: string, editor: string, publisher: string, campaign: Draft) {
  const saved = await call(url, editor, apiRoutes.campaigns.saveDraft, {
    params: { id: campaign.id },
    body: campaign,
  });
  if (saved.status !== 200) throw new Error(`draft: ${JSON.stringify(saved.body)}`);
  await call(url, editor, apiRoutes.campaigns.submit, { params: { id: campaign.id } });
  const approved = await call(url, publisher, apiRoutes.campaigns.approve, {
    params: { id: campaign.id },
  });
  if (approved.status !== 200) throw new Error(`approve: ${JSON.stringify(approved.body)}`);
}

type ZoneBox = { id: string; x: number; y: number; width: number; height: number };

/** A campaign whose zones each play one item (a product card, a ticker…), without media. */
export function zonesDraft(
  id: string,
  zones: readonly (ZoneBox & { item: Draft['playlists'][number]['items'][number] })[],
): Draft {
  return {
    ...draft(id, { sha256: '0'.repeat(64), type: 'image/png', size: 1 }),
    layout: {
      id: 'zones',
      zones: zones.map(({ item: _item, ...box }) => ({ ...box, playlistId: box.id })),
    },
    playlists: zones.map((zone) => ({ id: zone.id, items: [zone.item] })),
  };
}
