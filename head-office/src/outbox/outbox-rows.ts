// The publisher's SQL: the unpublished rows in id order, their revisions (assigned and stored
// before anything is sent), and the mark once JetStream holds them.
import type { Pool } from 'pg';

export type OutboxRow = {
  id: string;
  stream: string;
  head: string;
  subject: string;
  kind: string;
  body: Record<string, unknown>;
  chunksLeft: number | null;
  rev: number | null;
};
export type NumberedRow = OutboxRow & { rev: number };

type DbRow = {
  id: string;
  stream: string;
  head: string;
  subject: string;
  kind: string;
  body: Record<string, unknown>;
  chunks_left: number | null;
  rev: string | null;
};

/**
 * The oldest unpublished rows in id order: at most `limit`, and no more than `maxBytes` of
 * bodies (a chunk may be 512 KB) beyond the first, which always comes.
 */
export async function readUnpublished(
  pool: Pool,
  limit: number,
  maxBytes = 8 * 1024 * 1024,
): Promise<OutboxRow[]> {
  const result = await pool.query<DbRow>(
    `SELECT id, stream, head, subject, kind, body, chunks_left, rev FROM (
       SELECT o.*, sum(pg_column_size(body)) OVER (ORDER BY id) - pg_column_size(body) AS before
         FROM link_outbox o WHERE published_at IS NULL ORDER BY id LIMIT $1
     ) AS w WHERE before < $2 ORDER BY id`,
    [limit, maxBytes],
  );
  return result.rows.map((row) => ({
    id: row.id,
    stream: row.stream,
    head: row.head,
    subject: row.subject,
    kind: row.kind,
    body: row.body,
    chunksLeft: row.chunks_left,
    rev: row.rev === null ? null : Number(row.rev),
  }));
}

/**
 * Gives every row without a revision the next one of its head, in id order, and stores it in
 * the row in the same transaction as the head: no gap, no revision twice. A row that already has
 * one (a publisher stopped before its mark, or another publisher got there first) keeps it, so a
 * resend is the very message with the very id. Heads, then rows, are locked in one order.
 */
export async function assignRevisions(pool: Pool, rows: OutboxRow[]): Promise<NumberedRow[]> {
  const open = rows.filter((row) => row.rev === null);
  if (open.length === 0) return rows as NumberedRow[];
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const keys = [...new Set(open.map((row) => row.head))].sort();
    await client.query(
      'INSERT INTO link_heads (key) SELECT unnest($1::text[]) ON CONFLICT (key) DO NOTHING',
      [keys],
    );
    const heads = await client.query<{ key: string; rev: string }>(
      'SELECT key, rev FROM link_heads WHERE key = ANY($1) ORDER BY key FOR UPDATE',
      [keys],
    );
    const headRevs = new Map(heads.rows.map((head) => [head.key, Number(head.rev)]));
    const current = await client.query<{ id: string; rev: string | null }>(
      'SELECT id, rev FROM link_outbox WHERE id = ANY($1::bigint[]) ORDER BY id FOR UPDATE',
      [open.map((row) => row.id)],
    );
    const held = new Map(current.rows.map((row) => [row.id, row.rev]));
    const assigned = new Map<string, number>();
    for (const row of open) {
      const already = held.get(row.id);
      if (already === undefined) continue; // gone meanwhile: nothing to number
      if (already !== null) {
        assigned.set(row.id, Number(already));
        continue;
      }
      const next = (headRevs.get(row.head) ?? 0) + 1;
      headRevs.set(row.head, next);
      assigned.set(row.id, next);
    }
    const fresh = open.filter((row) => held.get(row.id) === null);
    await client.query(
      `UPDATE link_outbox o SET rev = u.rev
         FROM unnest($1::bigint[], $2::bigint[]) AS u(id, rev) WHERE o.id = u.id`,
      [fresh.map((row) => row.id), fresh.map((row) => assigned.get(row.id))],
    );
    await client.query(
      `UPDATE link_heads h SET rev = u.rev
         FROM unnest($1::text[], $2::bigint[]) AS u(key, rev) WHERE h.key = u.key`,
      [keys, keys.map((key) => headRevs.get(key))],
    );
    await client.query('COMMIT');
    return rows.flatMap((row) => {
      const rev = row.rev ?? assigned.get(row.id);
      return rev === undefined ? [] : [{ ...row, rev }];
    });
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Marks rows JetStream acknowledged, with where the stream holds each. */
export async function markPublished(
  pool: Pool,
  acked: { id: string; streamSeq: number }[],
): Promise<void> {
  if (acked.length === 0) return;
  await pool.query(
    `UPDATE link_outbox o SET published_at = now(), stream_seq = u.seq
       FROM unnest($1::bigint[], $2::bigint[]) AS u(id, seq)
      WHERE o.id = u.id AND o.published_at IS NULL`,
    [acked.map((row) => row.id), acked.map((row) => row.streamSeq)],
  );
}

/** Forgets published rows older than `ageMs`: past the streams' retention, nothing resends them. */
export async function prunePublished(pool: Pool, ageMs: number): Promise<number> {
  const result = await pool.query(
    `DELETE FROM link_outbox WHERE published_at < now() - make_interval(secs => $1)`,
    [ageMs / 1000],
  );
  return result.rowCount ?? 0;
}
