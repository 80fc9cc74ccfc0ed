// Catalogue imports: one row per import, its files in its own folder
// (<data>/import/<id>/), the job's last progress and outcome as JSON.
import type { Migration } from '../db/migrations';

export const importMigrations: Migration[] = [
  {
    id: '850-import-jobs',
    sql: `
    CREATE TABLE import_jobs (
      id TEXT PRIMARY KEY,
      state TEXT NOT NULL
        CHECK (state IN ('created', 'running', 'applied', 'refused', 'failed', 'interrupted')),
      created_at TEXT NOT NULL,
      job TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX import_jobs_by_date ON import_jobs (created_at);
    `,
  },
];
