// Every head-office migration, in the order they run. Each feature keeps its tables' SQL in its
// own folder (stores/schema.ts…) and appends its list here; ids are never renamed or reordered.
import type { Migration } from './db/migrations';
import { eventsMigrations } from './events/schema';
import { storesMigrations } from './stores/schema';

export const headOfficeMigrations: readonly Migration[] = [
  ...storesMigrations,
  ...eventsMigrations,
];
