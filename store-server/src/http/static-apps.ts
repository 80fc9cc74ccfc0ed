// Serves the touchpoint renderers (kiosk/, signage/, mirror/) built by Vite.
import express, { Router, type Response } from 'express';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { apiRoutes, routeUrl } from '@vitrine/shared/core';

const APPS = ['kiosk', 'signage', 'mirror'] as const;

// Pages and service workers are revalidated on every load, so a new build is
// picked up at the next start; the files they name carry content hashes and
// stay cached for an hour.
const revalidated = (path: string) => path.endsWith('.html') || basename(path) === 'sw.js';
const staticOptions = {
  index: 'index.html',
  maxAge: '1h',
  setHeaders: (res: Response, path: string) => {
    if (revalidated(path)) res.setHeader('cache-control', 'no-cache');
  },
};

export function staticApps(appsDir: string, csp: string, updatesDir: string): Router {
  const router = Router();
  router.use((_req, res, next) => {
    res.set('content-security-policy', csp);
    next();
  });
  for (const app of APPS) {
    const dist = join(appsDir, app, 'dist');
    router.use(`/${app}`, express.static(dist, staticOptions));
    router.get(`/${app}`, (_req, res) => res.redirect(301, `/${app}/`));
    router.use(`/${app}/`, (_req, res) => {
      if (existsSync(join(dist, 'index.html')))
        res.sendFile(join(dist, 'index.html'), { headers: { 'cache-control': 'no-cache' } });
      else
        res.status(503).type('text/plain').send(`The ${app} app is not built: run npm run build.`);
    });
  }
  // Auto-update feeds for the desktop shells: <data>/updates/<app>/latest*.yml + installers.
  router.use('/updates', express.static(updatesDir, { index: false, maxAge: '5m' }));
  const consoleDist = join(appsDir, 'store-server', 'console', 'dist');
  router.use('/console', express.static(consoleDist, staticOptions));
  router.get('/', (_req, res) => {
    res.type('html')
      .send(`<!doctype html><html lang="en"><meta charset="utf-8"><title>Vitrine store server</title>
<body style="font-family:system-ui;max-width:40rem;margin:3rem auto"><h1>Vitrine store server</h1>
<ul>${APPS.map((app) => `<li><a href="/${app}/">${app}</a></li>`).join('')}
<li><a href="/console/">consoles (staff, experts, head office)</a></li>
<li><a href="${routeUrl('', apiRoutes.health.health, {})}">health</a></li>
<li><a href="/console/api.html">API reference</a></li></ul></body></html>`);
  });
  return router;
}
