// Our own small migration runner: an ordered list of { id, sql }, each applied in its own
// transaction under a transaction-scoped advisory lock and recorded in schema_migrations.
// Several head-office processes may start at once: the lock makes them take turns, and each
// re-reads schema_migrations under it, so every migration runs exactly once.
import type { Pool, PoolClient } from 'pg';
import { LOCK_SPACE } from './advisory-locks';

export type Migration = { id: string; sql: string };

export class MigrationError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'MigrationError';
  }
}

const CREATE_LEDGER = `
  CREATE TABLE IF NOT EXISTS schema_migrations (
    id text PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now(),
    applied_by text NOT NULL
  )`;

async function inLockedTransaction<T>(
  client: PoolClient,
  work: () => Promise<T>,
  what: string,
): Promise<T> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1, 0)', [LOCK_SPACE.migrations]);
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    if (error instanceof MigrationError) throw error;
    throw new MigrationError(`${what} failed: ${(error as Error).message}`, error);
  }
}

function assertWellFormed(migrations: readonly Migration[]): void {
  const seen = new Set<string>();
  for (const { id } of migrations) {
    if (seen.has(id)) throw new MigrationError(`migration ${id} is listed twice`);
    seen.add(id);
  }
}

/** The ids recorded as applied, in the order they were applied. */
export async function appliedMigrations(pool: Pool): Promise<string[]> {
  const result = await pool.query<{ id: string }>(
    'SELECT id FROM schema_migrations ORDER BY applied_at, id',
  );
  return result.rows.map((row) => row.id);
}

/**
 * Brings the database up to `migrations` and answers the ids THIS call applied. A database that
 * holds a migration this code does not know was migrated by a newer head office: refused.
 */
export async function migrate(
  pool: Pool,
  migrations: readonly Migration[],
  appliedBy = `pid ${process.pid}`,
): Promise<string[]> {
  assertWellFormed(migrations);
  const client = await pool.connect();
  try {
    const known = new Set(migrations.map((migration) => migration.id));
    await inLockedTransaction(
      client,
      async () => {
        await client.query(CREATE_LEDGER);
        const recorded = await client.query<{ id: string }>('SELECT id FROM schema_migrations');
        const unknown = recorded.rows.map((row) => row.id).filter((id) => !known.has(id));
        if (unknown.length > 0)
          throw new MigrationError(
            `the database holds migrations this head office does not know (${unknown.join(', ')}): ` +
              'it was migrated by a newer version',
          );
      },
      'reading schema_migrations',
    );
    const applied: string[] = [];
    for (const migration of migrations) {
      await inLockedTransaction(
        client,
        async () => {
          const done = await client.query('SELECT 1 FROM schema_migrations WHERE id = $1', [
            migration.id,
          ]);
          if (done.rowCount) return;
          await client.query(migration.sql);
          await client.query('INSERT INTO schema_migrations (id, applied_by) VALUES ($1, $2)', [
            migration.id,
            appliedBy,
          ]);
          applied.push(migration.id);
        },
        `migration ${migration.id}`,
      );
    }
    return applied;
  } finally {
    client.release();
  }
}
