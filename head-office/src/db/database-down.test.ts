// A request that found PostgreSQL away is answered 503 with a Retry-After: the error here is the
// real pg client's, against a port where no database listens.
import { createServer } from 'node:net';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { HttpError } from '@vitrine/shared/node';
import { databaseDownAnswer } from './database-down';

/** A port that was free a moment ago (nothing listens on it). */
const closedPort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
    });
  });

describe('the answer when the database is away', () => {
  it('is a 503 with a Retry-After for a refused connection, nothing for other errors', async () => {
    const pool = new pg.Pool({
      connectionString: `postgres://nobody@127.0.0.1:${await closedPort()}/none`,
      connectionTimeoutMillis: 2_000,
    });
    const error = await pool.query('SELECT 1').catch((caught: unknown) => caught);
    await pool.end();
    const answer = databaseDownAnswer(error, {} as never);
    expect(answer).toMatchObject({
      status: 503,
      error: { code: 'database_unavailable' },
      headers: { 'retry-after': '5' },
    });
    expect(databaseDownAnswer(new HttpError(404, 'not_found', 'no'), {} as never)).toBeUndefined();
    expect(databaseDownAnswer(new Error('a bug'), {} as never)).toBeUndefined();
  });
});
