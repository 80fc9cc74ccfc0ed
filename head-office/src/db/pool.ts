// The head office's PostgreSQL connections (node-postgres). An unreachable database is
// reported with the URL (password hidden) and the cause, not as a bare ECONNREFUSED.
import pg from 'pg';

export type Pool = pg.Pool;

export class DatabaseUnreachableError extends Error {
  constructor(url: string, cause: unknown) {
    super(
      `cannot reach PostgreSQL at ${redactUrl(url)}: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
    this.name = 'DatabaseUnreachableError';
  }
}

/** The URL with its password replaced, for logs and errors. */
function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(an unparsable URL)';
  }
}

/**
 * A pool whose connections name this process in pg_stat_activity (so an operator, or a test,
 * sees which process holds which lock). A connection that drops while idle is only logged:
 * unhandled, pg's 'error' event would end the process.
 */
export function createPool(
  url: string,
  onIdleError: (error: Error) => void,
  options: { max?: number } = {},
): Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: 3_000,
    idleTimeoutMillis: 30_000,
    application_name: `vitrine-head-office:${process.pid}`,
  });
  pool.on('error', onIdleError);
  return pool;
}

/** Throws DatabaseUnreachableError unless the database answers. */
export async function assertDatabaseReachable(pool: Pool, url: string): Promise<void> {
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    throw new DatabaseUnreachableError(url, error);
  }
}

/** Whether the database answers within `timeoutMs` (for health: never throws). */
export async function databaseAnswers(pool: Pool, timeoutMs = 2_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([
      pool.query('SELECT 1').then(
        () => true,
        () => false,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
