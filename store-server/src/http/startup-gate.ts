// The server listens as soon as its database is open, so health checks and
// screens get an honest answer while it seeds, migrates and links to the
// broker: 503 {status: "starting"} until everything behind the API is ready,
// never a 500 from a route whose parts do not exist yet.
import type { RequestHandler } from 'express';
import { API_PREFIX } from '@vitrine/shared/core';

/** Seconds a client is told to wait before asking again while the server starts. */
const RETRY_AFTER_SECONDS = 1;

export type StartupGate = {
  /** Mount first: answers 503 for every request until `open()`. */
  middleware: RequestHandler;
  open: () => void;
  isOpen: () => boolean;
};

export function startupGate(): StartupGate {
  let open = false;
  const middleware: RequestHandler = (req, res, next) => {
    if (open) return next();
    res.status(503).set('retry-after', String(RETRY_AFTER_SECONDS));
    if (req.path.startsWith(API_PREFIX)) {
      res.json({ status: 'starting' });
    } else {
      res.type('text/plain').send('The store server is starting. Try again in a moment.\n');
    }
  };
  return {
    middleware,
    open: () => {
      open = true;
    },
    isOpen: () => open,
  };
}
