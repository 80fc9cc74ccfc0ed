import type { Migration } from '../db/migrations';

export const sizingMigrations: Migration[] = [
  {
    id: '500-size-charts',
    sql: `
    -- Brands' size charts (body measurements per size), one per brand and
    -- sizing system. A brand without a chart gets no size advice.
    CREATE TABLE size_charts (
      brand TEXT NOT NULL,
      system TEXT NOT NULL,
      body TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (brand, system)
    ) WITHOUT ROWID;
    `,
  },
];
