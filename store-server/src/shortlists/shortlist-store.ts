// Shortlist links in SQLite: made by a screen (at most 60 per 10 minutes each), opened by a
// phone until they expire, then answered "expired" for 30 days, then forgotten by the sweep.
import { createHash, randomBytes } from 'node:crypto';
import { HttpError } from '@vitrine/shared/node';
import type { Db } from '../db/database';

export const MAX_SHORTLISTS_PER_10_MIN = 60;
const FORGET_AFTER_DAYS = 30;

export type Shortlist = { productIds: string[]; lang: 'fr' | 'en'; expiresAt: string };
export type ShortlistLookup =
  { state: 'live'; list: Shortlist } | { state: 'gone' } | { state: 'unknown' };

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export class ShortlistStore {
  constructor(
    private readonly db: Db,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  create(list: { productIds: string[]; lang: 'fr' | 'en'; deviceId: string }) {
    const since = new Date(this.now() - 10 * 60_000).toISOString();
    const recent = this.db
      .prepare('SELECT COUNT(*) FROM shortlists WHERE device_id = ? AND created_at > ?')
      .pluck()
      .get(list.deviceId, since) as number;
    if (recent >= MAX_SHORTLISTS_PER_10_MIN)
      throw new HttpError(
        429,
        'too_many_shortlists',
        'this screen made many links: wait a few minutes',
      );
    const token = randomBytes(32).toString('base64url');
    const createdAt = new Date(this.now());
    const expiresAt = new Date(createdAt.getTime() + this.ttlMs).toISOString();
    this.db
      .prepare(
        `INSERT INTO shortlists (token_hash, device_id, product_ids, lang, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(
        hashToken(token),
        list.deviceId,
        JSON.stringify(list.productIds),
        list.lang,
        createdAt.toISOString(),
        expiresAt,
      );
    return { token, expiresAt };
  }

  open(token: string): ShortlistLookup {
    const row = this.db
      .prepare('SELECT product_ids, lang, expires_at FROM shortlists WHERE token_hash = ?')
      .get(hashToken(token)) as
      { product_ids: string; lang: 'fr' | 'en'; expires_at: string } | undefined;
    if (!row) return { state: 'unknown' };
    if (Date.parse(row.expires_at) <= this.now()) return { state: 'gone' };
    return {
      state: 'live',
      list: {
        productIds: JSON.parse(row.product_ids) as string[],
        lang: row.lang,
        expiresAt: row.expires_at,
      },
    };
  }

  /** Forgets links expired for a month. */
  sweep(): number {
    const before = new Date(this.now() - FORGET_AFTER_DAYS * 86_400_000).toISOString();
    return this.db.prepare('DELETE FROM shortlists WHERE expires_at < ?').run(before).changes;
  }
}
