// A throwaway PostgreSQL for head office's own tests: one cluster per test file, one database
// per test, everything removed afterwards.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPostgres, type LocalPostgres } from './postgres-local';

export type TestPostgres = {
  postgres: LocalPostgres;
  /** A new, empty database's URL. */
  freshDatabase: () => Promise<string>;
  remove: () => Promise<void>;
};

export async function startTestPostgres(): Promise<TestPostgres> {
  const base = mkdtempSync(join(tmpdir(), 'vitrine-hq-test-'));
  chmodSync(base, 0o755); // PostgreSQL runs as user postgres and must reach its directory
  const postgres = await startPostgres({ dir: join(base, 'pg') });
  let databases = 0;
  return {
    postgres,
    freshDatabase: () => postgres.createDatabase(`test_${++databases}`),
    remove: async () => {
      await postgres.stop();
      rmSync(base, { recursive: true, force: true });
    },
  };
}
