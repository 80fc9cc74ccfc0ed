// Who may call the API from another origin: the Electron shells, whose pages
// come from vitrine-app://<app>, never arbitrary web pages.
import cors from 'cors';
import type { RequestHandler } from 'express';

const SHELL_ORIGINS = ['vitrine-app://kiosk', 'vitrine-app://signage', 'vitrine-app://mirror'];

export function shellCors(): RequestHandler {
  return cors({ origin: SHELL_ORIGINS, maxAge: 600 });
}

/** CSP for the renderers served to browsers (the Electron shell sets its own). */
export function rendererCsp(deviceBrokerUrl: string | undefined): string {
  const broker = deviceBrokerUrl ? ` ${new URL(deviceBrokerUrl).origin}` : '';
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    // data: lets three.js read the buffers a .gltf embeds (the usual way vendors
    // ship models); reading a data: URL reaches no network, so nothing can leak.
    `connect-src 'self' data:${broker}`,
    "worker-src 'self' blob:",
    // Web-page items: only https pages (the campaign schema allows no other),
    // shown in a sandboxed frame without scripts or our origin.
    'frame-src https:',
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
}
