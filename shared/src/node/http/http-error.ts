// Every failure of an HTTP request answered as `{ error: { code, message } }`:
// what the client got wrong is a 4xx it can read, only the unforeseen is a 500,
// and the server keeps running.
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
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

/** A server's own answer to errors only it knows (its storage's faults, say). */
export type ErrorAnswer = {
  status: number;
  error: { code: string; message: string };
  headers?: Record<string, string>;
  /** Logged as a warning, with the request's path and `fields`. */
  warning: string;
  fields?: Record<string, unknown>;
};
/** Says how to answer an error, or undefined to leave it to the next. */
export type ErrorAnswerer = (error: unknown, req: Request) => ErrorAnswer | undefined;

/** body-parser's errors carry a status and a type (invalid JSON, too large…). */
function bodyParserAnswer(error: unknown): ErrorAnswer | undefined {
  const status = (error as { status?: number } | null)?.status;
  const type = (error as { type?: string } | null)?.type;
  if (typeof status !== 'number' || status < 400 || status >= 500) return undefined;
  const code =
    type === 'entity.too.large'
      ? 'payload_too_large'
      : type === 'entity.parse.failed'
        ? 'invalid_json'
        : 'bad_request';
  return {
    status,
    error: { code, message: (error as Error).message },
    warning: 'http: refused a request body',
    fields: { code },
  };
}

/**
 * The last handler of a server: the server's own answerers are asked first,
 * then an HttpError is answered as it says, a body-parser refusal as its 4xx,
 * and anything else is a logged 500.
 */
export function errorHandler(log: Logger, ...answerers: ErrorAnswerer[]): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    // Refused before its body was read (403, 415…): end the connection rather than drain it.
    if (!req.complete) closeAfterResponse(res);

    for (const answerer of answerers) {
      const answer = answerer(error, req);
      if (answer === undefined) continue;
      log.warn({ path: req.path, ...answer.fields }, answer.warning);
      for (const [name, value] of Object.entries(answer.headers ?? {})) res.setHeader(name, value);
      res.status(answer.status).json({ error: answer.error });
      return;
    }
    if (error instanceof HttpError) {
      if (error.status >= 500) log.error({ path: req.path, err: error.message }, 'http: failed');
      res.status(error.status).json({ error: { code: error.code, message: error.message } });
      return;
    }
    const refused = bodyParserAnswer(error);
    if (refused !== undefined) {
      log.warn({ path: req.path, ...refused.fields }, refused.warning);
      res.status(refused.status).json({ error: refused.error });
      return;
    }
    log.error({ path: req.path, err: (error as Error).message }, 'http: unexpected error');
    res.status(500).json({ error: { code: 'internal', message: 'internal error' } });
  };
}
