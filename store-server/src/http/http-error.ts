import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../log';
import { closeAfterResponse } from './close-after-response';

import { isBusy, STORAGE_REFUSAL, type StorageFaultKind } from '../db/storage-fault';

/** Hears of errors writes met, and says which storage fault they mean (db/storage-guard.ts). */
export type StorageFaultListener = { noteError: (error: unknown) => StorageFaultKind | undefined };

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

/**
 * Every failure becomes `{ error: { code, message } }`; the server keeps running.
 * A write the disk refused (full, read-only, I/O error) is 507 Insufficient Storage.
 */
export function errorHandler(log: Logger, storage?: StorageFaultListener): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    // Refused before its body was read (403, 415…): end the connection rather than drain it.
    if (!req.complete) closeAfterResponse(res);

    const fault = error instanceof HttpError ? undefined : storage?.noteError(error);
    if (fault !== undefined) {
      log.warn({ path: req.path, fault }, 'http: refused a write the disk cannot take');
      res.status(507).json({ error: STORAGE_REFUSAL[fault] });
      return;
    }
    // The database's write lock held past the wait (an import's commit, write-gate.ts): try again.
    if (isBusy(error)) {
      log.warn({ path: req.path }, 'http: the database was busy with another write');
      res.setHeader('Retry-After', '5');
      res.status(503).json({
        error: { code: 'busy', message: 'the store is saving a catalogue import: try again' },
      });
      return;
    }
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
