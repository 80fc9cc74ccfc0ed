// A chain store as a test sees it: head office's signing key (a trust anchor the store is given),
// campaigns to sign, and what the store holds, read from its database as the screens' sync
// serves it.
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  canonicalJson,
  type PlaylistItem,
  type SignedCampaign,
  type SignedContent,
  type TrustAnchor,
} from '@vitrine/shared/core';

export type HeadOfficeKey = {
  anchor: TrustAnchor;
  sign: (content: SignedContent) => SignedCampaign;
};

export function headOfficeKey(): HeadOfficeKey {
  const { privateKey } = generateKeyPairSync('ed25519');
  const x = privateKey.export({ format: 'jwk' }).x!;
  const keyId = `ho-${createHash('sha256').update(Buffer.from(x, 'base64url')).digest('hex').slice(0, 16)}`;
  return {
    anchor: { keyId, publicKey: x },
    sign: (content) => {
      const payload = canonicalJson(content);
      const signature = sign(null, Buffer.from(payload), privateKey).toString('base64url');
      return { id: content.id, payload, signature, keyId };
    },
  };
}

const ticker: PlaylistItem = {
  id: 'i1',
  kind: 'ticker',
  durationMs: 5_000,
  text: { fr: 'Bonjour', en: 'Hello' },
};

/** A full-screen campaign for every store, playing `items` (a ticker unless told). */
export const campaign = (
  id: string,
  revision: number,
  items: PlaylistItem[] = [ticker],
): SignedContent => ({
  v: 1,
  id,
  name: `Campaign ${id}`,
  revision,
  layout: {
    id: 'full',
    zones: [{ id: 'main', x: 0, y: 0, width: 100, height: 100, playlistId: 'p1' }],
  },
  playlists: [{ id: 'p1', items }],
  targeting: { stores: [], regions: [], groups: [], tags: [] },
  schedule: { startDate: '2026-01-01', weekdays: [1, 2, 3, 4, 5, 6, 7], dayParts: [] },
  priority: 10,
  shareOfVoice: 1,
  emergency: false,
});

export type StoreHolds = {
  /** The chain stream's checkpoint. */
  checkpoint: number;
  campaigns: string[];
  /** Rows of link_refusals, with their reasons. */
  refusals: string[];
};

export function storeHolds(dataDir: string): StoreHolds {
  const db = new Database(join(dataDir, 'store.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const checkpoint = db.prepare("SELECT rev FROM hq_checkpoints WHERE stream = 'chain'").get() as
      { rev: number } | undefined;
    const campaigns = (
      db
        .prepare(
          "SELECT id FROM sync_docs WHERE collection = 'campaigns' AND deleted = 0 ORDER BY id",
        )
        .all() as { id: string }[]
    ).map((row) => row.id);
    const refusals = (
      db.prepare('SELECT reason FROM link_refusals ORDER BY id').all() as { reason: string }[]
    ).map((row) => row.reason);
    return { checkpoint: checkpoint?.rev ?? 0, campaigns, refusals };
  } finally {
    db.close();
  }
}

/** One synced document's body as the store serves it to its screens, or undefined. */
export function storeDoc(dataDir: string, collection: string, id: string): unknown {
  const db = new Database(join(dataDir, 'store.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const row = db
      .prepare('SELECT body FROM sync_docs WHERE collection = ? AND id = ? AND deleted = 0')
      .get(collection, id) as { body: string | null } | undefined;
    return row?.body ? (JSON.parse(row.body) as unknown) : undefined;
  } finally {
    db.close();
  }
}
