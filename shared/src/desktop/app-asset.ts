// Maps a request on the app scheme to a file of the app's built renderer
// (its dist/ folder). Refuses other hosts and any path that could climb out
// of dist/ or reach the bundled shell next to it.
import { APP_SCHEME, type ShellApp } from './app-identity';

/** The bundled main and preload live in dist/shell/ and are not served. */
const SHELL_BUNDLE_DIR = 'shell';

export type AssetLookup =
  | { ok: true; relativePath: string; contentType: string }
  | { ok: false; status: 400 | 403 | 404; reason: string };

const contentTypes: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json',
  webmanifest: 'application/manifest+json',
  wasm: 'application/wasm',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
  ico: 'image/x-icon',
  woff2: 'font/woff2',
  woff: 'font/woff',
  ttf: 'font/ttf',
  mp4: 'video/mp4',
  webm: 'video/webm',
  mp3: 'audio/mpeg',
  glb: 'model/gltf-binary',
  gltf: 'model/gltf+json',
  txt: 'text/plain; charset=utf-8',
};

export function resolveAppAsset(app: ShellApp, requestUrl: string): AssetLookup {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400, reason: 'unparsable URL' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== app) {
    return { ok: false, status: 403, reason: `not this app's origin` };
  }
  let segments: string[];
  try {
    segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return { ok: false, status: 400, reason: 'bad percent-encoding' };
  }
  const unsafe = segments.some(
    (part) => part === '..' || part === '.' || /[\\/:\0]/.test(part) || part.startsWith('.'),
  );
  if (unsafe) return { ok: false, status: 403, reason: 'path escapes the app folder' };
  if (segments[0] === SHELL_BUNDLE_DIR) return { ok: false, status: 404, reason: 'not served' };

  const last = segments.at(-1);
  // The renderer routes on the client: a path without an extension is a page.
  if (last === undefined || !last.includes('.')) {
    return { ok: true, relativePath: 'index.html', contentType: contentTypes.html ?? '' };
  }
  const extension = last.slice(last.lastIndexOf('.') + 1).toLowerCase();
  const contentType = contentTypes[extension];
  if (!contentType) return { ok: false, status: 404, reason: `no content type for .${extension}` };
  return { ok: true, relativePath: segments.join('/'), contentType };
}
