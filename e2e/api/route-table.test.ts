// The route table is the contract: the server answers every route of it, its
// OpenAPI document is valid OpenAPI 3.1, and what the server answers parses
// with the table's schemas through the typed client.
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { openApiDocument } from '@vitrine/shared/core';
import {
  API_PREFIX,
  apiClient,
  apiRoutes,
  routeUrl,
  type RouteDef,
  type RouteGroup,
} from '@vitrine/shared/core';
import type { StoreServer } from '@vitrine/store-server/server';
import { appRoutes } from '../support/app-routes';
import { startTestServer } from '../support/test-server';

const tableRoutes = Object.entries(apiRoutes).flatMap(([group, routes]: [string, RouteGroup]) =>
  Object.entries(routes).map(([name, route]: [string, RouteDef]) => ({
    id: `${group}.${name}`,
    route,
  })),
);

let server: StoreServer;
beforeAll(async () => {
  // With TLS too, so the TLS group answers (plain HTTP stays open for the calls below).
  server = await startTestServer({
    demoScale: 20,
    demoCampaign: true,
    httpsPort: 0,
    mqttsPort: 0,
  });
});
afterAll(async () => {
  await server?.close();
});

describe('the route table', () => {
  it('declares each method and path once', () => {
    const keys = tableRoutes.map(({ route }) => `${route.method} ${route.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('is what the server answers: every route of it is registered', () => {
    const registered = new Set(appRoutes(server).map((r) => `${r.method.toUpperCase()} ${r.path}`));
    const missing = tableRoutes.filter(
      ({ route }) => !registered.has(`${route.method} ${API_PREFIX}${route.path}`),
    );
    expect(missing.map(({ id }) => id)).toEqual([]);
  });

  it('names the same path parameters in the path and in its params schema', () => {
    for (const { id, route } of tableRoutes) {
      const inPath = [...route.path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]).sort();
      const shape = (route.params as unknown as { shape?: Record<string, unknown> } | undefined)
        ?.shape;
      expect(Object.keys(shape ?? {}).sort(), id).toEqual(inPath);
    }
  });

  it('is served as a valid OpenAPI 3.1 document listing every route', async () => {
    const response = await fetch(routeUrl(server.url, apiRoutes.meta.openApi, {}));
    expect(response.status).toBe(200);
    const document = (await response.json()) as ReturnType<typeof openApiDocument>;
    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.openapi).toBe('3.1.0');
    const operations = Object.values(document.paths).flatMap((methods) =>
      Object.values(methods).map((operation) => operation.operationId),
    );
    expect(operations.sort()).toEqual(tableRoutes.map(({ id }) => id).sort());
  });

  it("answers every JSON GET that needs no input in the shape the table declares (admin's view)", async () => {
    const client = apiClient(apiRoutes, {
      baseUrl: server.url,
      authorization: () => `Bearer ${server.adminToken}`,
    });
    const callable = tableRoutes.filter(
      ({ route }) =>
        route.method === 'GET' &&
        route.params === undefined &&
        (route.query?.safeParse({}).success ?? true) &&
        route.auth.kind !== 'device' &&
        typeof route.response === 'object' &&
        '_zod' in route.response,
    );
    expect(callable.length).toBeGreaterThan(2);
    for (const { id } of callable) {
      const [group, name] = id.split('.') as [keyof typeof client, string];
      const call = (client[group] as Record<string, (input?: object) => Promise<unknown>>)[name];
      // The client parses with the route's schema: a wrong shape throws `bad_answer`.
      await expect(call?.({}), id).resolves.toBeDefined();
    }
  });
});
