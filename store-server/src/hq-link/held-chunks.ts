// Chunks of a change head office sent in several messages, kept on disk until the last one
// (`atomicUntil`) arrives: holding one is as good as acknowledging it, since a restart keeps it.
import type { CheckpointKey } from '@vitrine/shared/core';
import type { Db } from '../db/database';

export type HeldChunk = { rev: number; atomicUntil: number; type: string; message: unknown };

export class HeldChunks {
  private readonly insert;
  private readonly pendingQuery;
  private readonly dropUpTo;
  private readonly dropAll;

  constructor(db: Db) {
    this.insert = db.prepare(
      `INSERT INTO link_chunks (stream, rev, atomic_until, type, message) VALUES (?, ?, ?, ?, ?)`,
    );
    this.pendingQuery = db.prepare(
      `SELECT rev, atomic_until AS atomicUntil, type, message FROM link_chunks
       WHERE stream = ? ORDER BY rev`,
    );
    this.dropUpTo = db.prepare('DELETE FROM link_chunks WHERE stream = ? AND rev <= ?');
    this.dropAll = db.prepare('DELETE FROM link_chunks WHERE stream = ?');
  }

  /** The chunks held after the checkpoint, in order (older ones, passed by a snapshot, go). */
  pending(stream: CheckpointKey, checkpoint: number): HeldChunk[] {
    this.dropUpTo.run(stream, checkpoint);
    const rows = this.pendingQuery.all(stream) as (HeldChunk & { message: string })[];
    return rows.map((row) => ({ ...row, message: JSON.parse(row.message) as unknown }));
  }

  hold(stream: CheckpointKey, chunk: HeldChunk): void {
    this.insert.run(
      stream,
      chunk.rev,
      chunk.atomicUntil,
      chunk.type,
      JSON.stringify(chunk.message),
    );
  }

  /** Once applied or refused with the change they belong to. */
  drop(stream: CheckpointKey): void {
    this.dropAll.run(stream);
  }
}
