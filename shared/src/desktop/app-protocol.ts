// Serves the built renderer on vitrine-app://<app>/ from the app's dist/
// folder, with the CSP on every response, instead of loading file:// URLs.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { protocol, type Session } from 'electron';
import { APP_SCHEME, type ShellApp } from './app-identity';
import { resolveAppAsset } from './app-asset';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: {
        standard: true,
        secure: true,
        supportFetchAPI: true,
        codeCache: true,
        stream: true,
      },
    },
  ]);
}

export function serveAppFiles(session: Session, app: ShellApp, distDir: string, csp: string): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    const lookup = resolveAppAsset(app, request.url);
    if (!lookup.ok) return new Response(lookup.reason, { status: lookup.status });
    try {
      const body = await readFile(join(distDir, lookup.relativePath));
      return new Response(body, {
        headers: {
          'content-type': lookup.contentType,
          'content-security-policy': csp,
          'x-content-type-options': 'nosniff',
          'cache-control': 'no-cache',
        },
      });
    } catch {
      return new Response('not found', { status: 404 });
    }
  });
}
