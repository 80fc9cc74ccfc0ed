// Shared looks on disk and in SQLite. A look lives until its expiry or until
// the shopper deletes it; then its photo file is removed at once (on access)
// or by the sweep, and only a tombstone (no photo, no token) remains so the
// link can say "expired" (410) instead of "unknown" (404).
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/database';
import { HttpError } from '@vitrine/shared/node';

type SharedLook = {
  file: string;
  productIds: string[];
  lang: 'fr' | 'en';
  width: number;
  height: number;
  expiresAt: string;
};

export type LookLookup =
  { state: 'live'; look: SharedLook } | { state: 'gone' } | { state: 'unknown' };

type Row = {
  file: string | null;
  product_ids: string;
  lang: 'fr' | 'en';
  width: number;
  height: number;
  expires_at: string;
};

/** A mirror shares at most this many looks per 10 minutes (a stolen credential cannot fill the disk). */
export const MAX_SHARES_PER_10_MIN = 30;

/** How long a tombstone answers 410 before the link becomes simply unknown. */
const TOMBSTONE_DAYS = 30;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export class LookStore {
  readonly dir: string;

  constructor(
    private readonly db: Db,
    dataDir: string,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.dir = join(dataDir, 'shared-looks');
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
  }

  create(look: {
    jpeg: Buffer;
    width: number;
    height: number;
    productIds: string[];
    lang: 'fr' | 'en';
    deviceId: string;
  }): { token: string; expiresAt: string } {
    const since = new Date(this.now() - 10 * 60_000).toISOString();
    const recent = this.db
      .prepare('SELECT COUNT(*) FROM shared_looks WHERE device_id = ? AND created_at > ?')
      .pluck()
      .get(look.deviceId, since) as number;
    if (recent >= MAX_SHARES_PER_10_MIN)
      throw new HttpError(
        429,
        'too_many_looks',
        'this mirror has shared many looks: wait a few minutes',
      );
    const token = randomBytes(32).toString('base64url');
    // The file name is random too and unrelated to the token.
    const file = `${randomBytes(16).toString('hex')}.jpg`;
    writeFileSync(join(this.dir, file), look.jpeg, { mode: 0o600 });
    const createdAt = new Date(this.now());
    const expiresAt = new Date(createdAt.getTime() + this.ttlMs).toISOString();
    this.db
      .prepare(
        `INSERT INTO shared_looks (token_hash, file, device_id, product_ids, lang, width, height, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        hashToken(token),
        file,
        look.deviceId,
        JSON.stringify(look.productIds),
        look.lang,
        look.width,
        look.height,
        createdAt.toISOString(),
        expiresAt,
      );
    return { token, expiresAt };
  }

  /** 429 when `deviceId` already shared MAX_SHARES_PER_10_MIN looks in the last 10 minutes. */
  checkRate(deviceId: string): void {
    const since = new Date(this.now() - 10 * 60_000).toISOString();
    const recent = this.db
      .prepare('SELECT COUNT(*) FROM shared_looks WHERE device_id = ? AND created_at > ?')
      .pluck()
      .get(deviceId, since) as number;
    if (recent >= MAX_SHARES_PER_10_MIN)
      throw new HttpError(
        429,
        'too_many_looks',
        'this mirror has shared many looks: wait a few minutes',
      );
  }

  /** Finds a look by its token; an expired one is deleted on the spot. */
  open(token: string): LookLookup {
    const hash = hashToken(token);
    const row = this.db
      .prepare(
        'SELECT file, product_ids, lang, width, height, expires_at FROM shared_looks WHERE token_hash = ?',
      )
      .get(hash) as Row | undefined;
    if (!row) return { state: 'unknown' };
    if (!row.file) return { state: 'gone' };
    if (row.expires_at <= new Date(this.now()).toISOString()) {
      this.removeFile(hash, row.file);
      return { state: 'gone' };
    }
    return {
      state: 'live',
      look: {
        file: join(this.dir, row.file),
        productIds: JSON.parse(row.product_ids) as string[],
        lang: row.lang,
        width: row.width,
        height: row.height,
        expiresAt: row.expires_at,
      },
    };
  }

  /** "Delete now": true if there was a photo to delete. */
  remove(token: string): boolean {
    const hash = hashToken(token);
    const file = this.db
      .prepare('SELECT file FROM shared_looks WHERE token_hash = ?')
      .pluck()
      .get(hash) as string | null | undefined;
    if (!file) return false;
    this.removeFile(hash, file);
    return true;
  }

  /** Deletes every expired photo and forgets old tombstones; returns how many photos went. */
  sweep(): number {
    const at = new Date(this.now()).toISOString();
    const expired = this.db
      .prepare(
        'SELECT token_hash, file FROM shared_looks WHERE file IS NOT NULL AND expires_at <= ?',
      )
      .all(at) as { token_hash: string; file: string }[];
    for (const row of expired) this.removeFile(row.token_hash, row.file);
    const forgetBefore = new Date(this.now() - TOMBSTONE_DAYS * 86_400_000).toISOString();
    this.db
      .prepare('DELETE FROM shared_looks WHERE file IS NULL AND gone_at < ?')
      .run(forgetBefore);
    return expired.length;
  }

  private removeFile(hash: string, file: string): void {
    // The file goes first: a crash in between leaves a row the next sweep retries.
    rmSync(join(this.dir, file), { force: true });
    this.db
      .prepare('UPDATE shared_looks SET file = NULL, gone_at = ? WHERE token_hash = ?')
      .run(new Date(this.now()).toISOString(), hash);
  }
}
