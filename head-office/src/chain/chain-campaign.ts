// The chain's demo campaign: published at head office for every store (publishCampaign, signed
// with head office's own key, queued in its outbox, which the head-office process publishes on
// HQ_CHAIN), then awaited in each store's change feed as its signage screens pull it.
import { join } from 'node:path';
import pg from 'pg';
import {
  apiRoutes,
  callRoute,
  deviceBearer,
  SyncPage,
  type CampaignDraftInput,
} from '@vitrine/shared/core';
import { loadSigningKey } from '@vitrine/shared/node';
import { publishCampaign, type CampaignPublication } from '../campaigns/publish-campaign';

const CHAIN_CAMPAIGN_ID = 'chain-welcome';

export function chainCampaign(text: string): CampaignDraftInput {
  return {
    id: CHAIN_CAMPAIGN_ID,
    name: 'Welcome to the chain',
    layout: {
      id: 'full',
      zones: [{ id: 'main', x: 0, y: 0, width: 100, height: 100, playlistId: 'p1' }],
    },
    playlists: [
      {
        id: 'p1',
        items: [
          { id: 'welcome', kind: 'ticker', durationMs: 10_000, text: { fr: text, en: text } },
        ],
      },
    ],
    targeting: { stores: [], regions: [], groups: [], tags: [] },
    schedule: { startDate: '2020-01-01', weekdays: [1, 2, 3, 4, 5, 6, 7], dayParts: [] },
    priority: 50,
    shareOfVoice: 1,
    emergency: false,
  };
}

/** Publishes at head office as head office would: its database, its signing key. */
export async function publishChainCampaign(
  databaseUrl: string,
  hqDataDir: string,
  draft: CampaignDraftInput,
): Promise<CampaignPublication> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    return await publishCampaign(pool, loadSigningKey(join(hqDataDir, 'signing')), draft);
  } finally {
    await pool.end();
  }
}

/** Resolves once the store's change feed holds the campaign at `revision` (or later). */
export async function waitStoreHolds(
  storeBase: string,
  campaignId: string,
  revision: number,
  timeoutMs: number,
): Promise<void> {
  // The demo's pre-enrolled signage screen, handed to this machine only: what a screen sees.
  const credential = await callRoute({ baseUrl: storeBase }, apiRoutes.devices.demoCredential, {
    query: { app: 'signage' },
  });
  const transport = { baseUrl: storeBase, authorization: () => deviceBearer(credential) };
  const deadline = Date.now() + timeoutMs;
  let since = 0;
  for (;;) {
    const page = SyncPage.parse(
      await callRoute(transport, apiRoutes.sync.pull, { query: { since, limit: 2_000 } }),
    );
    const held = page.docs.some(
      (doc) =>
        doc.c === 'campaigns' &&
        doc.id === campaignId &&
        !doc.del &&
        revisionOf(doc.body) >= revision,
    );
    if (held) return;
    since = page.until;
    if (page.until >= page.head) {
      if (Date.now() > deadline)
        throw new Error(
          `${storeBase} does not hold ${campaignId} r${revision} after ${timeoutMs} ms`,
        );
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

/** A signed campaign's revision, from its signed payload. */
function revisionOf(body: unknown): number {
  const payload = (body as { payload?: unknown } | undefined)?.payload;
  if (typeof payload !== 'string') return 0;
  try {
    const revision = (JSON.parse(payload) as { revision?: unknown }).revision;
    return typeof revision === 'number' ? revision : 0;
  } catch {
    return 0;
  }
}
