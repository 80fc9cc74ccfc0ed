// What this store refused from head office, for the store's IT and for `req.refused`: a refused
// message moved the checkpoint past it (it cannot block its stream) and never became a sync doc.
import type { CheckpointKey } from '@vitrine/shared/core';
import type { Db } from '../db/database';

/** The table keeps the latest this many; older ones are in head office's count already. */
export const MAX_LINK_REFUSALS = 1_000;

export type LinkRefusal = {
  stream: CheckpointKey;
  /** Unknown when the message was not even JSON with a revision. */
  rev: number | null;
  /** The last revision of a chunked change refused with it: its later chunks go too. */
  until: number | null;
  type: string | null;
  reason: string;
  at: string;
};

export class LinkRefusals {
  private readonly insert;
  private readonly trim;
  private readonly coveringQuery;

  constructor(private readonly db: Db) {
    this.insert = db.prepare(
      'INSERT INTO link_refusals (stream, rev, until, type, reason, at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.trim = db.prepare(
      `DELETE FROM link_refusals WHERE id <= (SELECT MAX(id) FROM link_refusals) - ${MAX_LINK_REFUSALS}`,
    );
    this.coveringQuery = db
      .prepare(
        'SELECT rev FROM link_refusals WHERE stream = ? AND until = ? AND rev < ? ORDER BY id DESC LIMIT 1',
      )
      .pluck();
  }

  record(refusal: Omit<LinkRefusal, 'at'>, at = new Date().toISOString()): void {
    this.insert.run(refusal.stream, refusal.rev, refusal.until, refusal.type, refusal.reason, at);
    this.trim.run();
  }

  /**
   * The revision of a refused change this chunk belongs to (same `atomicUntil`, an earlier
   * revision), or undefined: a change is applied whole or not at all.
   */
  refusedChange(stream: CheckpointKey, rev: number, atomicUntil: number): number | undefined {
    return this.coveringQuery.get(stream, atomicUntil, rev) as number | undefined;
  }

  latest(limit = 100): LinkRefusal[] {
    return this.db
      .prepare(
        'SELECT stream, rev, until, type, reason, at FROM link_refusals ORDER BY id DESC LIMIT ?',
      )
      .all(limit) as LinkRefusal[];
  }
}
