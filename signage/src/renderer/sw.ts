// Built to /signage/sw.js by vite-plugin-pwa, which writes in the list of files to precache.
import '@vitrine/shared/client/offline-shell-worker';
