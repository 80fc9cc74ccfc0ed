import type { Migration } from '../db/migrations';

export const imageMigrations: Migration[] = [
  {
    id: '800-catalogue-images',
    sql: `
    -- Product images the feeds name, fetched once into <data>/images/<content_sha256>.
    -- url_key (the first 32 hex digits of sha256(url)) is what devices ask for.
    -- next_try_at: when the fetcher takes it (again); NULL once ready or given up.
    CREATE TABLE catalogue_images (
      url_key TEXT PRIMARY KEY,
      url TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('pending', 'ready', 'failed')),
      content_sha256 TEXT,
      content_type TEXT,
      attempts INTEGER NOT NULL DEFAULT 0,
      next_try_at TEXT,
      last_error TEXT,
      wanted_at TEXT NOT NULL,
      fetched_at TEXT
    ) WITHOUT ROWID;
    CREATE INDEX catalogue_images_due ON catalogue_images (next_try_at)
      WHERE next_try_at IS NOT NULL;
    CREATE INDEX catalogue_images_by_state ON catalogue_images (state);
    `,
  },
];
