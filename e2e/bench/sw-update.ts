// How an app with a service worker (kiosk, signage) moves to a new build: two
// real Vite builds of the app that differ by a label, served one after the
// other from the same store server; a Chromium page that ran the first is
// navigated again (as the shell does when it starts or resets) until it runs
// the second. Counts the navigations and the time, and any half-updated state:
// a page whose HTML and scripts come from different builds, a failed app file,
// or, with the server stopped afterwards, an offline start on the old build.
import { mkdtempSync, mkdirSync, renameSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Plugin } from 'vite';
import { launchChromium } from '../support/chromium';
import { REPO_ROOT, startTestServer, waitFor } from '../support/test-server';

export type ServiceWorkerApp = 'kiosk' | 'signage';

type UpdateOutcome = {
  /** Navigations after the new build was served until the page ran it (0 = never within the limit). */
  navigations: number;
  /** From the new build being served to the page running it. */
  ms: number;
  /** Pages seen mixing builds, failing an app file, or throwing while starting. */
  halfUpdated: string[];
  /** The build an offline start ran after the update: the new one, or a fault. */
  offlineBuild: string;
  /** Paths (inside the app) the service worker holds once the new build took over. */
  cached: string[];
};

const MAX_NAVIGATIONS = 5;
const BUILD_LABEL = 'vitrineBuild';

/** The app's own build, with its entry module stamped with `label`. */
async function buildLabelled(app: ServiceWorkerApp, label: string, outDir: string) {
  const stamp: Plugin = {
    name: 'stamp-build-label',
    transform(code, id) {
      if (!id.endsWith(`${app}/src/renderer/main.tsx`)) return null;
      return `${code}\nglobalThis['${BUILD_LABEL}'] = '${label}';\n`;
    },
  };
  // A production build as `npm run build` makes it, also under vitest (which sets NODE_ENV=test).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  await build({
    configFile: join(REPO_ROOT, app, 'vite.config.ts'),
    root: join(REPO_ROOT, app),
    logLevel: 'silent',
    plugins: [stamp],
    build: { outDir, emptyOutDir: true, sourcemap: false },
  }).finally(() => {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  });
}

export async function measureServiceWorkerUpdate(app: ServiceWorkerApp): Promise<UpdateOutcome> {
  const work = mkdtempSync(join(tmpdir(), `sw-update-${app}-`));
  const served = join(work, 'apps', app, 'dist');
  const next = join(work, 'next');
  mkdirSync(join(work, 'apps', app), { recursive: true });
  // The demo store's theme and media come from the repository's assets.
  symlinkSync(join(REPO_ROOT, 'assets'), join(work, 'apps', 'assets'));
  await buildLabelled(app, 'first', served);
  await buildLabelled(app, 'second', next);

  const server = await startTestServer({ appsDir: join(work, 'apps') });
  const browser = await launchChromium();
  const halfUpdated: string[] = [];
  try {
    const page = await browser.newPage();
    const appUrl = `${server.url}/${app}/`;
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`error: ${error.message}`));
    page.on('response', (response) => {
      if (response.url().startsWith(appUrl) && response.status() >= 400)
        problems.push(`${response.status()} ${response.url()}`);
    });
    page.on('requestfailed', (request) => {
      if (request.url().startsWith(appUrl)) problems.push(`failed ${request.url()}`);
    });
    const running = () =>
      page.evaluate((key) => {
        const label = (globalThis as Record<string, unknown>)[key];
        return typeof label === 'string' ? label : '';
      }, BUILD_LABEL);
    /** The build the page's HTML names matches the script that ran, and nothing failed. */
    const check = async (when: string) => {
      const label = await waitFor(running, `${app} running a build`, 30_000);
      if (problems.length) halfUpdated.push(`${when}: ${problems.splice(0).join('; ')}`);
      return label;
    };
    const controlled = () =>
      waitFor(
        () => page.evaluate(() => navigator.serviceWorker.controller?.state === 'activated'),
        `${app} controlled by its service worker`,
        // Installing precaches the whole build (3 MB for the kiosk): slow on a loaded machine.
        90_000,
      );

    await page.goto(appUrl);
    await controlled();
    if ((await check('first visit')) !== 'first') throw new Error('the first build did not run');

    const old = join(work, 'old');
    renameSync(served, old);
    renameSync(next, served);
    const start = performance.now();
    let navigations = 0;
    let label = 'first';
    while (label !== 'second' && navigations < MAX_NAVIGATIONS) {
      navigations++;
      await page.goto(appUrl);
      label = await check(`navigation ${navigations}`);
    }
    const ms = performance.now() - start;

    // The worker of the new build installs and takes over, then the store server goes away.
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });
    await waitFor(
      async () => {
        const states = await page.evaluate(async () => {
          const registration = await navigator.serviceWorker.getRegistration();
          return {
            installing: registration?.installing?.state ?? null,
            waiting: registration?.waiting?.state ?? null,
            active: registration?.active?.state ?? null,
          };
        });
        // Thrown, so a timeout says where the worker stood.
        if (states.installing || states.waiting) throw new Error(JSON.stringify(states));
        return true;
      },
      `${app} service worker settled`,
      // The new build's worker precaches it all again; CI once saw it take over 90 s under load.
      180_000,
    );
    await controlled();
    const cached = await page.evaluate(async (prefix) => {
      const paths: string[] = [];
      for (const name of await caches.keys()) {
        const requests = await (await caches.open(name)).keys();
        paths.push(
          ...requests.map((request) => new URL(request.url).pathname.slice(prefix.length)),
        );
      }
      return paths;
    }, `/${app}/`);
    await server.close();
    await page.goto(appUrl).catch(() => undefined);
    const offlineBuild = await waitFor(running, `${app} starting offline`, 20_000).catch(
      (error: unknown) => `no page (${String(error)})`,
    );
    return {
      navigations: label === 'second' ? navigations : 0,
      ms,
      halfUpdated,
      offlineBuild,
      cached,
    };
  } finally {
    await browser.close();
    await server.close().catch(() => undefined);
  }
}
