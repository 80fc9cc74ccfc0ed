// The touchpoints' service worker (kiosk, signage), on Workbox: the build's
// files are precached (vite-plugin-pwa writes their list and revisions in at
// build time), so the app starts with the store server down. Navigations go
// to the network first, so a new build runs at the next start; offline they
// get the precached page, which names only precached files. A new worker takes
// over at once and Workbox deletes what the new build no longer lists.
import { clientsClaim } from 'workbox-core';
import {
  cleanupOutdatedCaches,
  matchPrecache,
  precacheAndRoute,
  type PrecacheEntry,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

type ExtendableEvent = Event & { waitUntil: (promise: Promise<unknown>) => void };
// The global the build fills: `self.__WB_MANIFEST` must stay written as such.
declare const self: {
  __WB_MANIFEST: (PrecacheEntry | string)[];
  skipWaiting: () => Promise<void>;
  addEventListener: (type: 'activate', listener: (event: ExtendableEvent) => void) => void;
};

/** Caches of the hand-written workers these replaced, left on devices updated from them. */
const RETIRED_CACHES = /^vitrine-(kiosk-[0-9a-f]{16}|signage-shell-v1)$/;

registerRoute(
  new NavigationRoute(async ({ request }) => {
    try {
      return await fetch(request);
    } catch {
      return (await matchPrecache('index.html')) ?? Response.error();
    }
  }),
);
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
void self.skipWaiting();
clientsClaim();

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((key) => RETIRED_CACHES.test(key)).map((key) => caches.delete(key)),
        ),
      ),
  );
});
