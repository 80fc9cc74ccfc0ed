// The screens' settings authored at head office: one row for the chain (`chain`) and one per
// store that has its own (`store:<id>`), each the body last sent on the link.
import type { Migration } from '../db/migrations';

export const settingsMigrations: readonly Migration[] = [
  {
    id: 'settings-0001-screen-settings',
    sql: `
      CREATE TABLE screen_settings (
        scope text PRIMARY KEY CHECK (scope = 'chain' OR scope ~ '^store:[A-Za-z0-9_-]{1,64}$'),
        body jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`,
  },
];
