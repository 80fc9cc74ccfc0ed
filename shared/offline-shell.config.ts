// vite-plugin-pwa as the kiosk and signage build it: their own service worker
// source (src/renderer/sw.ts → sw.js beside index.html, so its scope is the
// app) with Workbox's precache list written in; registered by the app itself,
// no web app manifest (the touchpoints are not installed from a browser).
import type { VitePWAOptions } from 'vite-plugin-pwa';

export const offlineShell: Partial<VitePWAOptions> = {
  strategies: 'injectManifest',
  srcDir: 'src/renderer',
  filename: 'sw.ts',
  injectRegister: false,
  manifest: false,
  injectManifest: {
    // Everything the app may load offline, the scanner's WebAssembly included.
    globPatterns: ['**/*.{html,js,css,wasm}'],
    maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
  },
};
