// Reads a request's body only once the caller is known and only up to the
// route's limit (the server's body rules, body-rules.ts). A refused request is
// answered at once and its connection closed, so the unread body is never
// pulled off the wire.
import express, { type Request, type RequestHandler } from 'express';
import { SMALL_JSON_LIMIT } from '../../core';
import { closeAfterResponse } from './close-after-response';
import { HttpError } from './http-error';
import type { BodyCaller, BodyRuleLookup } from './body-rules';

/** Whether a request carries a valid credential of a kind (nothing is read but headers). */
export type CallerCheck = Record<Exclude<BodyCaller, 'public'>, (req: Request) => boolean>;

function hasBody(req: Request): boolean {
  return (
    req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0
  );
}

const jsonParsers = new Map<number, RequestHandler>();
/** JSON whatever the declared type: a route's body is JSON or refused, never left unread. */
function jsonUpTo(limit: number): RequestHandler {
  const parser = jsonParsers.get(limit) ?? express.json({ limit, type: () => true });
  jsonParsers.set(limit, parser);
  return parser;
}

/** Routes no rule names (none should be): small JSON, read without knowing the caller. */
export const DEFAULT_JSON_LIMIT = SMALL_JSON_LIMIT;

export function bodyGate(bodyRuleFor: BodyRuleLookup, callers: CallerCheck): RequestHandler {
  return (req, res, next) => {
    if (!hasBody(req)) return next();
    const rule = bodyRuleFor(req.method, req.path);
    if (rule && rule.caller !== 'public' && !callers[rule.caller](req)) {
      closeAfterResponse(res);
      return next(
        new HttpError(
          401,
          'unauthenticated',
          rule.caller === 'staff' ? 'sign in first' : 'a valid device credential is required',
        ),
      );
    }
    const limit = rule?.limit ?? DEFAULT_JSON_LIMIT;
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      closeAfterResponse(res);
      return next(
        new HttpError(413, 'payload_too_large', `this request's body is limited to ${limit} bytes`),
      );
    }
    if (rule?.body === 'stream') return next();
    jsonUpTo(limit)(req, res, (error?: unknown) => {
      // Over the limit while chunked: the rest stays unread.
      if (error) closeAfterResponse(res);
      next(error);
    });
  };
}
