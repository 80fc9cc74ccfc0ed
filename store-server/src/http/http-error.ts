import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../log';
import { closeAfterResponse } from './close-after-response';

/** An error the client caused or should know about, answered as JSON. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const notFound: RequestHandler = (req, _res, next) => {
  next(new HttpError(404, 'not_found', `no route for ${req.method} ${req.path}`));
};

/** Every failure becomes `{ error: { code, message } }`; the server keeps running. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    // Refused before its body was read (403, 415…): end the connection rather than drain it.
    if (!req.complete) closeAfterResponse(res);
    if (error instanceof HttpError) {
      if (error.status >= 500) log.error({ path: req.path, err: error.message }, 'http: failed');
      res.status(error.status).json({ error: { code: error.code, message: error.message } });
      return;
    }
    // body-parser's errors carry a status and a type (invalid JSON, too large…).
    const status = (error as { status?: number }).status;
    const type = (error as { type?: string }).type;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const code =
        type === 'entity.too.large'
          ? 'payload_too_large'
          : type === 'entity.parse.failed'
            ? 'invalid_json'
            : 'bad_request';
      log.warn({ path: req.path, code }, 'http: refused a request body');
      res.status(status).json({ error: { code, message: (error as Error).message } });
      return;
    }
    log.error({ path: req.path, err: (error as Error).message }, 'http: unexpected error');
    res.status(500).json({ error: { code: 'internal', message: 'internal error' } });
  };
}

/** Parses a body or query with a zod-style schema, or answers 400 saying what is wrong. */
export function parseOr400<T>(result: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!result.ok) throw new HttpError(400, 'invalid_request', result.error);
  return result.value;
}
