// Head office's media library: one row per file put in the link's `media` bucket, by SHA-256.
import type { Migration } from '../db/migrations';

export const mediaMigrations: readonly Migration[] = [
  {
    id: 'media-0001-media',
    sql: `
      CREATE TABLE media (
        sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        type text NOT NULL,
        size bigint NOT NULL CHECK (size > 0),
        name text NOT NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now()
      )`,
  },
];
