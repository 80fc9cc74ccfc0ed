// For the intake's tests: a store on real SQLite, head office's real Ed25519 key (signed the
// way the node zone's signing-key.ts signs), the link's messages as bytes, and what a store holds
// from head office, read back so two stores can be compared.
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  canonicalJson,
  encodeLinkMessage,
  type Product,
  type SignedCampaign,
  type SignedContent,
  type TrustAnchor,
} from '@vitrine/shared/core';
import { openDatabase, type Db } from '../db/database';
import { DocStore } from '../sync/doc-store';
import type { CampaignMediaFetch } from './apply-campaign';
import { LinkIntake } from './intake';
import type { SnapshotFetch } from './snapshot-fetch';

export const STORE_ID = 'paris-rivoli';

export function headOffice(): {
  anchor: TrustAnchor;
  sign: (content: SignedContent) => SignedCampaign;
} {
  const { privateKey } = generateKeyPairSync('ed25519');
  const x = privateKey.export({ format: 'jwk' }).x!;
  const raw = Buffer.from(x, 'base64url');
  const anchor = {
    keyId: `ho-${createHash('sha256').update(raw).digest('hex').slice(0, 16)}`,
    publicKey: x,
  };
  return {
    anchor,
    sign: (content) => {
      const payload = canonicalJson(content);
      const signature = sign(null, Buffer.from(payload, 'utf8'), privateKey).toString('base64url');
      return { id: content.id, payload, signature, keyId: anchor.keyId };
    },
  };
}

export type TestStore = { dir: string; db: Db; docs: DocStore; intake: LinkIntake };

/** A store in its own data directory (or the same one again: a restart). */
export function openStore(
  anchor: TrustAnchor,
  dir?: string,
  fetchMedia?: CampaignMediaFetch,
  fetchSnapshot?: SnapshotFetch,
): TestStore {
  const dataDir = dir ?? mkdtempSync(join(tmpdir(), 'vitrine-link-intake-'));
  const db = openDatabase(dataDir);
  const docs = new DocStore(db);
  const intake = new LinkIntake({
    db,
    docs,
    storeId: STORE_ID,
    anchor,
    ...(fetchMedia && { fetchMedia }),
    ...(fetchSnapshot && { fetchSnapshot }),
  });
  return { dir: dataDir, db, docs, intake };
}

export const bytes = (message: unknown) => encodeLinkMessage(message);

/** A chain catalogue delta of products (a chunk when `atomicUntil` is given). */
export const catalogue = (rev: number, products: Product[], atomicUntil?: number) =>
  bytes({
    v: 1,
    rev,
    type: 'catalogue',
    ...(atomicUntil !== undefined && { atomicUntil }),
    docs: products.map((body) => ({ c: 'products', id: body.id, body })),
  });

/** A chain product: a shirt in sizes S and M at the chain's price. */
export function product(id: string, priceCents = 2_990, name = 'Chemise'): Product {
  return {
    id,
    name: { fr: name, en: name },
    brand: 'Vitrine',
    department: 'fashion',
    categoryPath: [{ fr: 'Mode', en: 'Fashion' }],
    description: { fr: 'Une chemise', en: 'A shirt' },
    priceCents,
    images: [],
    tags: [],
    variants: [
      { id: `${id}-s`, size: 'S' },
      { id: `${id}-m`, size: 'M' },
    ],
    complementary: [],
    attributes: [],
  };
}

/** A valid campaign of head office's, at a revision. */
export function campaign(id: string, revision: number): SignedContent {
  return {
    v: 1,
    id,
    name: `Campaign ${id}`,
    revision,
    layout: {
      id: 'full',
      zones: [{ id: 'main', x: 0, y: 0, width: 100, height: 100, playlistId: 'p1' }],
    },
    playlists: [
      {
        id: 'p1',
        items: [
          { id: 'i1', kind: 'ticker', durationMs: 5_000, text: { fr: 'Bonjour', en: 'Hello' } },
        ],
      },
    ],
    targeting: { stores: [], regions: [], groups: [], tags: [] },
    schedule: { startDate: '2026-01-01', weekdays: [1, 2, 3, 4, 5, 6, 7], dayParts: [] },
    priority: 10,
    shareOfVoice: 1,
    emergency: false,
  };
}

/**
 * Everything the store holds from head office, without revisions (they count writes, and two
 * orders of delivery write differently): documents, own prices, campaigns held, checkpoints,
 * refusals, chunks waiting, neighbours.
 */
export function holdings(db: Db) {
  const all = (sql: string) => db.prepare(sql).all();
  return {
    docs: (
      db
        .prepare('SELECT collection, id, deleted, body FROM sync_docs ORDER BY collection, id')
        .all() as { collection: string; id: string; deleted: number; body: string | null }[]
    ).map((row) => ({
      ...row,
      body: row.body === null ? null : (JSON.parse(row.body) as unknown),
    })),
    prices: all('SELECT * FROM local_prices ORDER BY location_id, variant_id'),
    campaigns: all(
      'SELECT campaign_id, revision, signature, withdrawn FROM campaign_held_revisions ORDER BY campaign_id',
    ),
    checkpoints: all('SELECT stream, rev FROM hq_checkpoints ORDER BY stream'),
    refusals: db
      .prepare('SELECT stream, rev, until, type, reason FROM link_refusals ORDER BY stream, rev')
      .all() as { stream: string; rev: number | null; until: number | null; reason: string }[],
    chunks: all('SELECT stream, rev FROM link_chunks ORDER BY stream, rev'),
    neighbours: all('SELECT position, store_id FROM hq_neighbours ORDER BY position'),
  };
}
