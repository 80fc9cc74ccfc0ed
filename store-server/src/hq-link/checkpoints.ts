// How far this store has applied each of head office's streams (`hq_checkpoints`). Only the
// intake writes it, inside the transaction of what the message changed.
import type { CheckpointKey } from '@vitrine/shared/core';
import type { Db } from '../db/database';

export class LinkCheckpoints {
  private readonly getQuery;
  private readonly upsert;

  constructor(db: Db) {
    this.getQuery = db.prepare('SELECT rev FROM hq_checkpoints WHERE stream = ?').pluck();
    this.upsert = db.prepare(
      `INSERT INTO hq_checkpoints (stream, rev, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (stream) DO UPDATE SET rev = excluded.rev, updated_at = excluded.updated_at`,
    );
  }

  /** The last revision applied (0: none yet). */
  held(key: CheckpointKey): number {
    return (this.getQuery.get(key) as number | undefined) ?? 0;
  }

  /** Call inside the transaction that applied `rev`. */
  advance(key: CheckpointKey, rev: number, at = new Date().toISOString()): void {
    const held = this.held(key);
    if (rev <= held) throw new Error(`checkpoint ${key}: ${rev} is not past ${held}`);
    this.upsert.run(key, rev, at);
  }

  /** Where a fresh snapshot puts a stream, before or after where it stood (inside its transaction). */
  set(key: CheckpointKey, rev: number, at = new Date().toISOString()): void {
    this.upsert.run(key, rev, at);
  }
}
