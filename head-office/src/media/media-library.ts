// The media library's rows (PostgreSQL): what was put in the bucket, for the console and for
// building campaigns. A row is written after its object is in the bucket, never before.
import type { Pool } from 'pg';
import { MediaRef } from '@vitrine/shared/core';

export type MediaEntry = MediaRef & { name: string; uploadedAt: Date };

type Row = { sha256: string; type: string; size: string; name: string; uploaded_at: Date };

const entry = (row: Row): MediaEntry => ({
  ...MediaRef.parse({ sha256: row.sha256, type: row.type, size: Number(row.size) }),
  name: row.name,
  uploadedAt: row.uploaded_at,
});

/** Records a file put in the bucket; the same file again keeps its first upload time, takes the new name. */
export async function recordMedia(
  pool: Pool,
  media: MediaRef & { name: string },
): Promise<MediaEntry> {
  const result = await pool.query<Row>(
    `INSERT INTO media (sha256, type, size, name) VALUES ($1, $2, $3, $4)
     ON CONFLICT (sha256) DO UPDATE SET name = excluded.name
     RETURNING sha256, type, size, name, uploaded_at`,
    [media.sha256, media.type, media.size, media.name.slice(0, 200)],
  );
  return entry(result.rows[0]!);
}

export async function findMedia(pool: Pool, sha256: string): Promise<MediaEntry | undefined> {
  const result = await pool.query<Row>(
    'SELECT sha256, type, size, name, uploaded_at FROM media WHERE sha256 = $1',
    [sha256],
  );
  return result.rows[0] ? entry(result.rows[0]) : undefined;
}
