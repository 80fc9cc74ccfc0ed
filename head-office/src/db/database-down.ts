// A request that needed PostgreSQL while it was away (restarting, failing over, unreachable) is
// answered 503 with a Retry-After, not 500: nothing was written, and asking again shortly works.
import type { ErrorAnswerer } from '@vitrine/shared/node';

/** Connection errors and the server's "shutting down / starting up" codes (class 57P, 08). */
const DOWN_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND']);

function isDatabaseDown(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') {
    const message = (error as { message?: unknown } | null)?.message;
    return (
      typeof message === 'string' &&
      /Connection terminated|timeout exceeded when trying to connect/.test(message)
    );
  }
  return DOWN_CODES.has(code) || code.startsWith('57P') || code.startsWith('08');
}

export const databaseDownAnswer: ErrorAnswerer = (error) =>
  isDatabaseDown(error)
    ? {
        status: 503,
        error: {
          code: 'database_unavailable',
          message: "head office's database is not answering: try again in a few seconds",
        },
        headers: { 'retry-after': '5' },
        warning: 'http: the database is not answering',
        fields: { err: (error as Error).message },
      }
    : undefined;
