// The kiosk's service worker: precaches the build's files (the list and its
// version are written in at build time by vite.config.ts), answers navigations
// network-first with the cached shell as fallback, and deletes the caches of
// older builds when a new one activates.
type ExtendableEvent = Event & { waitUntil: (promise: Promise<unknown>) => void };
type FetchEvent = ExtendableEvent & {
  request: Request;
  respondWith: (response: Promise<Response>) => void;
};
type WorkerScope = {
  registration: { scope: string };
  skipWaiting: () => Promise<void>;
  clients: { claim: () => Promise<void> };
  addEventListener: ((
    type: 'install' | 'activate',
    listener: (event: ExtendableEvent) => void,
  ) => void) &
    ((type: 'fetch', listener: (event: FetchEvent) => void) => void);
};

const scope = self as unknown as WorkerScope;
// The build replaces the placeholder with the manifest's JSON text.
const MANIFEST = JSON.parse('__PRECACHE_MANIFEST__') as { version: string; files: string[] };
const CACHE = `vitrine-kiosk-${MANIFEST.version}`;
const base = new URL(scope.registration.scope);
const shellUrl = new URL('index.html', base).href;
const precached = new Set(MANIFEST.files.map((file) => new URL(file, base).href));

scope.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll([...precached]))
      .then(() => scope.skipWaiting()),
  );
});

scope.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((key) => key.startsWith('vitrine-kiosk-') && key !== CACHE)
            .map((key) => caches.delete(key)),
        ),
      )
      .then(() => scope.clients.claim()),
  );
});

scope.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (request.mode === 'navigate' && url.href.startsWith(base.href)) {
    event.respondWith(
      fetch(request).catch(async () => (await caches.match(shellUrl)) ?? Response.error()),
    );
    return;
  }
  // Built files have content hashes: the cached copy is always the right one.
  if (precached.has(url.href)) {
    event.respondWith(caches.match(request).then((cached) => cached ?? fetch(request)));
  }
});
