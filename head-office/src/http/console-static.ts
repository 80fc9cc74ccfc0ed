// Serves head office's console (head-office/console, built by Vite) at /console/, with a CSP
// that lets the page reach only head office itself; `/` leads there.
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import express, { Router, type Response } from 'express';

const CONSOLE_DIST = join(import.meta.dirname, '..', '..', 'console', 'dist');

const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  // Web-page items of a campaign's preview: https only, in a sandboxed frame.
  'frame-src https:',
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

export function consoleStatic(dist: string = CONSOLE_DIST): Router {
  const router = Router();
  router.use('/console', (_req, res, next) => {
    res.set('content-security-policy', CONSOLE_CSP);
    next();
  });
  // The page is revalidated on every load so a new build shows at once; its hashed files are cached.
  router.use(
    '/console',
    express.static(dist, {
      index: 'index.html',
      maxAge: '1h',
      setHeaders: (res: Response, path: string) => {
        if (basename(path) === 'index.html') res.setHeader('cache-control', 'no-cache');
      },
    }),
  );
  router.get(['/', '/console'], (_req, res) => {
    if (existsSync(join(dist, 'index.html'))) res.redirect(302, '/console/');
    else
      res
        .status(503)
        .type('text/plain')
        .send('The head-office console is not built: run npm run build.');
  });
  return router;
}
