import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { startTestPostgres, type TestPostgres } from '../local/test-postgres';
import { appliedMigrations, migrate, MigrationError, type Migration } from './migrations';

const MIGRATIONS: Migration[] = [
  { id: '0001-a', sql: 'CREATE TABLE a (id int PRIMARY KEY)' },
  { id: '0002-b', sql: 'CREATE TABLE b (id int PRIMARY KEY); INSERT INTO b VALUES (1)' },
  { id: '0003-c', sql: 'ALTER TABLE a ADD COLUMN name text' },
];

describe('migrations', () => {
  let test: TestPostgres;
  const pools: pg.Pool[] = [];
  const poolFor = (url: string) => {
    const pool = new pg.Pool({ connectionString: url, max: 2 }).on('error', () => undefined);
    pools.push(pool);
    return pool;
  };

  beforeAll(async () => {
    test = await startTestPostgres();
  });
  afterAll(async () => {
    await Promise.all(pools.map((pool) => pool.end()));
    await test?.remove();
  });

  it('four migrators at once apply each migration exactly once, in order', async () => {
    const url = await test.freshDatabase();
    const results = await Promise.all(
      [1, 2, 3, 4].map((n) => migrate(poolFor(url), MIGRATIONS, `migrator ${n}`)),
    );
    expect(results.flat().toSorted()).toEqual(['0001-a', '0002-b', '0003-c']);
    expect(await appliedMigrations(poolFor(url))).toEqual(['0001-a', '0002-b', '0003-c']);
    const rows = await poolFor(url).query('SELECT id FROM b');
    expect(rows.rowCount).toBe(1);
    // Nothing left to do the next time.
    expect(await migrate(poolFor(url), MIGRATIONS)).toEqual([]);
  });

  it('a failing migration leaves no trace and stops the ones after it', async () => {
    const url = await test.freshDatabase();
    const broken = [
      MIGRATIONS[0]!,
      { id: '0002-broken', sql: 'CREATE TABLE half (id int); SELECT * FROM missing' },
      MIGRATIONS[2]!,
    ];
    await expect(migrate(poolFor(url), broken)).rejects.toThrow(
      /migration 0002-broken failed: relation "missing" does not exist/,
    );
    expect(await appliedMigrations(poolFor(url))).toEqual(['0001-a']);
    const half = await poolFor(url).query("SELECT to_regclass('half') AS half");
    expect(half.rows[0]).toEqual({ half: null });
  });

  it('refuses a database migrated by a newer head office, and a list with a repeated id', async () => {
    const url = await test.freshDatabase();
    await migrate(poolFor(url), MIGRATIONS);
    await expect(migrate(poolFor(url), MIGRATIONS.slice(0, 2))).rejects.toThrow(
      /does not know \(0003-c\)/,
    );
    await expect(migrate(poolFor(url), [MIGRATIONS[0]!, MIGRATIONS[0]!])).rejects.toThrow(
      MigrationError,
    );
  });
});
