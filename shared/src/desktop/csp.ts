// The Content-Security-Policy sent with every response the window loads.
// Scripts only from the app itself (plus WebAssembly for the barcode decoder),
// data from the app and the store server, nothing framed, no plugins.

/** `webFrames`: signage plays sandboxed https web-page items; kiosk and mirror frame nothing. */
export function buildCsp(storeServerUrl: string, options: { webFrames?: boolean } = {}): string {
  const server = new URL(storeServerUrl);
  const socket = `${server.protocol === 'https:' ? 'wss:' : 'ws:'}//${server.host}`;
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", "'wasm-unsafe-eval'"],
    // React components set styles through the CSSOM; libraries that inject
    // <style> need inline styles, which cannot run script.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:', server.origin],
    'media-src': ["'self'", 'blob:', server.origin],
    'font-src': ["'self'", 'data:'],
    // data: lets three.js read the buffers a .gltf embeds (the usual way vendors
    // ship models); reading a data: URL reaches no network, so nothing can leak.
    'connect-src': ["'self'", 'data:', server.origin, socket],
    'worker-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'frame-src': options.webFrames ? ['https:'] : ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** Response headers without any CSP the server sent, so ours is the only one. */
export function withoutCsp(
  headers: Readonly<Record<string, string[]>> | undefined,
): Record<string, string[]> {
  const kept: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const lower = name.toLowerCase();
    if (lower === 'content-security-policy' || lower === 'content-security-policy-report-only') {
      continue;
    }
    kept[name] = value;
  }
  return kept;
}
