// Opens the store's SQLite database: WAL for concurrent readers, synchronous
// FULL because an acknowledged event must survive a power cut, not only a crash.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { migrations } from './migrations';

export type Db = Database.Database;

export const DATABASE_FILE = 'store.sqlite';

export function openDatabase(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, DATABASE_FILE));
  try {
    db.pragma('journal_mode = WAL');
    setConnectionPragmas(db);
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/** Opens the database as it is, without migrating: for a start on a disk that takes no writes. */
export function openDatabaseAsIs(dataDir: string): Db {
  const db = new Database(join(dataDir, DATABASE_FILE), { fileMustExist: true });
  try {
    setConnectionPragmas(db);
    appliedMigrations(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

function setConnectionPragmas(db: Db): void {
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

/** Ids of the migrations this server knows that the database has not had yet. */
export function pendingMigrations(db: Db): string[] {
  const applied = new Set(appliedMigrations(db));
  return migrations.map((migration) => migration.id).filter((id) => !applied.has(id));
}

/** Ids of the migrations this database has, in the order they were applied. */
export function appliedMigrations(db: Db): string[] {
  return db
    .prepare('SELECT id FROM schema_migrations ORDER BY applied_at, rowid')
    .pluck()
    .all() as string[];
}

function migrate(db: Db): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)',
  );
  const applied = new Set(appliedMigrations(db));
  const known = new Set(migrations.map((migration) => migration.id));
  const unknown = [...applied].filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new Error(
      `database has migrations this server does not know (${unknown.join(', ')}): upgrade the server`,
    );
  }
  for (const migration of migrations) {
    if (applied.has(migration.id)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      migration.up?.(db);
      db.prepare('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)').run(
        migration.id,
        new Date().toISOString(),
      );
    })();
  }
}

export function getMeta(db: Db, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as
    { value: string } | undefined;
  return row?.value;
}

export function setMeta(db: Db, key: string, value: string): void {
  db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}
