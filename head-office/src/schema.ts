// Every head-office migration, in the order they run. Each feature keeps its tables' SQL in its
// own folder (stores/schema.ts…) and appends its list here; ids are never renamed or reordered.
import type { Migration } from './db/migrations';
import { assistantMigrations } from './assistant/schema';
import { insightsMigrations } from './insights/schema';
import { campaignsMigrations } from './campaigns/schema';
import { catalogueMigrations } from './catalogue/schema';
import { mediaMigrations } from './media/schema';
import { outboxMigrations } from './outbox/schema';
import { eventsMigrations } from './events/schema';
import { fleetMigrations } from './fleet/schema';
import { linkMigrations } from './link/schema';
import { reportsMigrations } from './reports/schema';
import { settingsMigrations } from './settings/schema';
import { usersMigrations } from './users/schema';
import { storesMigrations } from './stores/schema';
import { stockMigrations } from './stock/schema';

export const headOfficeMigrations: readonly Migration[] = [
  ...storesMigrations,
  ...outboxMigrations,
  ...campaignsMigrations,
  ...mediaMigrations,
  ...eventsMigrations,
  ...fleetMigrations,
  ...linkMigrations,
  ...reportsMigrations,
  ...catalogueMigrations,
  ...stockMigrations,
  ...settingsMigrations,
  ...usersMigrations,
  ...assistantMigrations,
  ...insightsMigrations,
];
