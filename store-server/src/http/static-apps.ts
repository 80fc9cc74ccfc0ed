// Serves the touchpoint renderers (kiosk/, signage/, mirror/) built by Vite.
import express, { Router } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const APPS = ['kiosk', 'signage', 'mirror'] as const;

export function staticApps(appsDir: string, csp: string, updatesDir: string): Router {
  const router = Router();
  router.use((_req, res, next) => {
    res.set('content-security-policy', csp);
    next();
  });
  for (const app of APPS) {
    const dist = join(appsDir, app, 'dist');
    router.use(`/${app}`, express.static(dist, { index: 'index.html', maxAge: '1h' }));
    router.get(`/${app}`, (_req, res) => res.redirect(301, `/${app}/`));
    router.use(`/${app}/`, (_req, res) => {
      if (existsSync(join(dist, 'index.html'))) res.sendFile(join(dist, 'index.html'));
      else
        res.status(503).type('text/plain').send(`The ${app} app is not built: run npm run build.`);
    });
  }
  // Auto-update feeds for the desktop shells: <data>/updates/<app>/latest*.yml + installers.
  router.use('/updates', express.static(updatesDir, { index: false, maxAge: '5m' }));
  const consoleDist = join(appsDir, 'store-server', 'console', 'dist');
  router.use('/console', express.static(consoleDist, { index: 'index.html', maxAge: '1h' }));
  router.get('/', (_req, res) => {
    res.type('html')
      .send(`<!doctype html><html lang="en"><meta charset="utf-8"><title>Vitrine store server</title>
<body style="font-family:system-ui;max-width:40rem;margin:3rem auto"><h1>Vitrine store server</h1>
<ul>${APPS.map((app) => `<li><a href="/${app}/">${app}</a></li>`).join('')}
<li><a href="/console/">consoles (staff, experts, head office)</a></li>
<li><a href="/api/v1/health">health</a></li></ul></body></html>`);
  });
  return router;
}
