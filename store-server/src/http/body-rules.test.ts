// Every route that changes something has a body rule: a route added without
// one would have its body read before anyone knows who is calling.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_PREFIX, apiRoutes, type RouteGroup } from '@vitrine/shared/core';
import { BODY_RULES, bodyRuleFor } from './body-rules';

const SOURCE = join(import.meta.dirname, '..');
/** Routers mounted outside the API prefix. */
const PAGE_ROUTES = new Set(['/look/:token/delete']);

/** Routes of the route table (shared/src/core/http), then routes still declared in routers. */
function declaredRoutes(): { method: string; path: string; file: string }[] {
  const table = Object.entries(apiRoutes).flatMap(([group, routes]: [string, RouteGroup]) =>
    Object.values(routes)
      .filter((route) => route.method !== 'GET')
      .map((route) => ({ method: route.method, path: `${API_PREFIX}${route.path}`, file: group })),
  );
  return [...table, ...routerRoutes()];
}

function routerRoutes(): { method: string; path: string; file: string }[] {
  const files = readdirSync(SOURCE, { recursive: true, encoding: 'utf8' }).filter(
    (file) => file.endsWith('.ts') && !file.endsWith('.test.ts'),
  );
  return files.flatMap((file) =>
    [
      ...readFileSync(join(SOURCE, file), 'utf8').matchAll(
        /router\.(post|put|patch|delete)\(\s*'([^']+)'/g,
      ),
    ].map((match) => ({
      method: (match[1] ?? '').toUpperCase(),
      path: PAGE_ROUTES.has(match[2] ?? '') ? (match[2] ?? '') : `${API_PREFIX}${match[2] ?? ''}`,
      file,
    })),
  );
}

describe('body rules', () => {
  it('cover every POST, PUT, PATCH and DELETE route of the store server', () => {
    const routes = declaredRoutes();
    expect(routes.length).toBeGreaterThan(30);
    const missing = routes.filter(
      (route) => bodyRuleFor(route.method, route.path.replace(/:\w+/g, 'x'))?.path !== route.path,
    );
    expect(missing).toEqual([]);
  });

  it('name no route that does not exist', () => {
    const declared = new Set(declaredRoutes().map((route) => `${route.method} ${route.path}`));
    expect(BODY_RULES.filter((rule) => !declared.has(`${rule.method} ${rule.path}`))).toEqual([]);
  });

  it('let no public route take more than a small body', () => {
    const publicRules = BODY_RULES.filter((rule) => rule.caller === 'public');
    expect(publicRules.map((rule) => rule.path).sort()).toEqual([
      API_PREFIX + apiRoutes.auth.login.path,
      API_PREFIX + apiRoutes.auth.logout.path,
      API_PREFIX + apiRoutes.devices.enrol.path,
      '/look/:token/delete',
    ]);
    for (const rule of publicRules) expect(rule.limit).toBeLessThanOrEqual(2 * 1024);
  });
});
