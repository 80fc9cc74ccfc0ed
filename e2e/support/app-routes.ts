// Every route an Express app answers, read from its router stack with the
// prefixes of the routers it is mounted under (not listed by hand).
import type { StoreServer } from '@vitrine/store-server/server';

export type AppRoute = { method: string; path: string };
type Layer = {
  rawPath?: unknown;
  route?: { path: unknown; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
};

function routesOf(stack: Layer[], prefix = ''): AppRoute[] {
  return stack.flatMap((layer): AppRoute[] => {
    if (layer.route) {
      const path = `${prefix}${String(layer.route.path)}`;
      return Object.keys(layer.route.methods).map((method) => ({ method, path }));
    }
    if (!layer.handle?.stack) return [];
    const mount = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
    return routesOf(layer.handle.stack, prefix + mount);
  });
}

export const appRoutes = (server: StoreServer): AppRoute[] =>
  routesOf((server.app as unknown as { router: { stack: Layer[] } }).router.stack);
