// The wanted images and their originals on disk. A URL is wanted once (its key
// is a hash of it), fetched by image-fetcher.ts, and its bytes are kept under
// their own SHA-256, so two URLs of the same picture share one file.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/database';

/** Longer than any product image URL a feed should hold (Google allows 2,000). */
const MAX_URL_LENGTH = 2_048;

export type ImageState = 'pending' | 'ready' | 'failed';

export type ImageRow = {
  key: string;
  url: string;
  state: ImageState;
  sha256: string | null;
  type: string | null;
  attempts: number;
  nextTryAt: string | null;
  lastError: string | null;
};

/** One URL the importer asked for: its key, or why it cannot be fetched. */
export type WantedImage = { url: string; key: string } | { url: string; problem: string };

/** An image that could not be fetched: for the import report and the operators. */
export type ImageFailure = {
  key: string;
  url: string;
  attempts: number;
  error: string;
  /** When it is tried again; null once given up (a later import asks again). */
  nextTryAt: string | null;
};

const COLUMNS = `url_key AS key, url, state, content_sha256 AS sha256, content_type AS type,
  attempts, next_try_at AS nextTryAt, last_error AS lastError`;

/** The URL as fetched (normalised by the URL parser), or why it is not one. */
function checkedUrl(text: string, filesAllowed: boolean): { href: string } | { problem: string } {
  if (text.length > MAX_URL_LENGTH)
    return { problem: `an image URL is at most ${MAX_URL_LENGTH} characters` };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { problem: 'not a URL' };
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') return { href: url.href };
  if (url.protocol === 'file:' && filesAllowed) return { href: url.href };
  return {
    problem: `${url.protocol} URLs are not fetched (http: and https:${filesAllowed ? ', file:' : ''} are)`,
  };
}

function imageKeyOf(href: string): string {
  return createHash('sha256').update(href).digest('hex').slice(0, 32);
}

export class ImageStore {
  readonly dir: string;

  constructor(
    private readonly db: Db,
    dataDir: string,
    /** Whether file: URLs are taken (an import given a local images directory). */
    private readonly filesAllowed: boolean,
    private readonly now: () => number = Date.now,
  ) {
    this.dir = join(dataDir, 'images');
    // Downloads cut by a stop or a crash: their images are still due.
    rmSync(join(this.dir, 'incoming'), { recursive: true, force: true });
    mkdirSync(join(this.dir, 'incoming'), { recursive: true });
  }

  /** Where downloads land before they are known good: beside the files, so keeping one is a rename. */
  get incomingDir(): string {
    // Made again if the folder was removed while the server ran: its pictures are then fetched again.
    const dir = join(this.dir, 'incoming');
    mkdirSync(dir, { recursive: true });
    return dir;
  }

  originalPath(sha256: string): string {
    return join(this.dir, sha256);
  }

  /**
   * Asks for these URLs; idempotent. A new URL is due now; one given up on is
   * asked for again (the feed still names it); the rest are left as they are.
   */
  want(urls: readonly string[]): WantedImage[] {
    const at = new Date(this.now()).toISOString();
    const insert = this.db.prepare(
      `INSERT INTO catalogue_images (url_key, url, state, next_try_at, wanted_at)
       VALUES (?, ?, 'pending', ?, ?)
       ON CONFLICT (url_key) DO UPDATE SET attempts = 0, next_try_at = excluded.next_try_at
       WHERE state = 'failed' AND next_try_at IS NULL`,
    );
    return this.db.transaction(() =>
      urls.map((url): WantedImage => {
        const checked = checkedUrl(url, this.filesAllowed);
        if ('problem' in checked) return { url, problem: checked.problem };
        insert.run(imageKeyOf(checked.href), checked.href, at, at);
        return { url, key: imageKeyOf(checked.href) };
      }),
    )();
  }

  /** The key a URL would be wanted under, or why it would be refused; writes nothing. */
  keyOf(url: string): WantedImage {
    const checked = checkedUrl(url, this.filesAllowed);
    return 'problem' in checked
      ? { url, problem: checked.problem }
      : { url, key: imageKeyOf(checked.href) };
  }

  find(key: string): ImageRow | undefined {
    return this.db.prepare(`SELECT ${COLUMNS} FROM catalogue_images WHERE url_key = ?`).get(key) as
      ImageRow | undefined;
  }

  /** Images due by now, soonest first. */
  due(limit: number): ImageRow[] {
    return this.db
      .prepare(
        `SELECT ${COLUMNS} FROM catalogue_images
         WHERE next_try_at IS NOT NULL AND next_try_at <= ? ORDER BY next_try_at LIMIT ?`,
      )
      .all(new Date(this.now()).toISOString(), limit) as ImageRow[];
  }

  /** When the next image falls due, leaving out those being fetched; undefined: none will. */
  nextDueAt(except: readonly string[]): number | undefined {
    const at = this.db
      .prepare(
        `SELECT min(next_try_at) FROM catalogue_images WHERE next_try_at IS NOT NULL
         AND url_key NOT IN (${except.map(() => '?').join(', ')})`,
      )
      .pluck()
      .get(...except) as string | null;
    return at === null ? undefined : Date.parse(at);
  }

  /** Moves a complete download into place under its hash (a rename: never a half file). */
  keepOriginal(file: string, sha256: string): void {
    const target = this.originalPath(sha256);
    if (existsSync(target)) rmSync(file, { force: true });
    else renameSync(file, target);
  }

  markReady(key: string, sha256: string, type: string): void {
    this.db
      .prepare(
        `UPDATE catalogue_images SET state = 'ready', content_sha256 = ?, content_type = ?,
           attempts = attempts + 1, next_try_at = NULL, last_error = NULL, fetched_at = ?
         WHERE url_key = ?`,
      )
      .run(sha256, type, new Date(this.now()).toISOString(), key);
  }

  /** A failed try; `retryInMs` undefined: given up. */
  markFailed(key: string, error: string, retryInMs: number | undefined): void {
    const next = retryInMs === undefined ? null : new Date(this.now() + retryInMs).toISOString();
    this.db
      .prepare(
        `UPDATE catalogue_images SET state = 'failed', attempts = attempts + 1,
           next_try_at = ?, last_error = ? WHERE url_key = ?`,
      )
      .run(next, error.slice(0, 500), key);
  }

  failures(limit = 1_000): ImageFailure[] {
    return this.db
      .prepare(
        `SELECT url_key AS key, url, attempts, last_error AS error, next_try_at AS nextTryAt
         FROM catalogue_images WHERE state = 'failed' ORDER BY url LIMIT ?`,
      )
      .all(limit) as ImageFailure[];
  }

  counts(): Record<ImageState, number> {
    const counts = { pending: 0, ready: 0, failed: 0 };
    const rows = this.db
      .prepare('SELECT state, count(*) AS n FROM catalogue_images GROUP BY state')
      .all() as { state: ImageState; n: number }[];
    for (const row of rows) counts[row.state] = row.n;
    return counts;
  }
}
