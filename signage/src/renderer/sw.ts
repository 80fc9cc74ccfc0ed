// Signage app shell: network first (a new build is picked up at once), the
// cached copy when the store server is unreachable, so the screen reloads
// offline. API and media calls are never cached here: the player has its own
// verified media cache and its data in IndexedDB.
type ExtendableEvent = Event & { waitUntil: (promise: Promise<unknown>) => void };
type FetchEvent = ExtendableEvent & {
  request: Request;
  respondWith: (response: Promise<Response>) => void;
};
type WorkerScope = {
  location: Location;
  skipWaiting: () => Promise<void>;
  clients: { claim: () => Promise<void> };
  addEventListener: ((
    type: 'install' | 'activate',
    listener: (event: ExtendableEvent) => void,
  ) => void) &
    ((type: 'fetch', listener: (event: FetchEvent) => void) => void);
};

const scope = self as unknown as WorkerScope;
const SHELL = 'vitrine-signage-shell-v1';

/** The page and the bundles it names: the first visit loaded them before this worker ran. */
async function precacheShell(): Promise<void> {
  const cache = await caches.open(SHELL);
  const page = await fetch('/signage/', { cache: 'no-store' });
  const html = await page.clone().text();
  await cache.put('/signage/', page);
  await cache.put('/signage/index.html', new Response(html, { headers: page.headers }));
  const assets = [...html.matchAll(/(?:src|href)="(\/signage\/[^"]+)"/g)].map((match) => match[1]!);
  await cache.addAll(assets);
}

scope.addEventListener('install', (event) => {
  event.waitUntil(precacheShell().then(() => scope.skipWaiting()));
});
scope.addEventListener('activate', (event) => {
  event.waitUntil(scope.clients.claim());
});
scope.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== scope.location.origin) return;
  if (!url.pathname.startsWith('/signage/')) return;
  event.respondWith(
    fetch(event.request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          void caches.open(SHELL).then((cache) => cache.put(event.request, copy));
        }
        return response;
      })
      .catch(async () => {
        const cached =
          (await caches.match(event.request)) ?? (await caches.match('/signage/index.html'));
        return cached ?? new Response('offline', { status: 503 });
      }),
  );
});
