// A route of the table fetched the way a test probes it: the method and path
// come from the table, the body is whatever the test sends (a broken one
// too), and the answer is the raw Response, refusals included, so the test
// asserts statuses and bodies itself. Normal calls go through `apiClient`.
import { routeUrl, type RouteDef } from '@vitrine/shared/core';

export type RouteProbe = {
  params?: Record<string, string>;
  query?: Record<string, unknown>;
  /** Sent as JSON; a string or bytes as they are. */
  body?: unknown;
  token?: string;
  headers?: Record<string, string>;
};

/** One request to `url` with the probe's body, bearer token and headers. */
function fetchProbe(url: string, method: string, probe: RouteProbe): Promise<Response> {
  const { body, token } = probe;
  const raw = typeof body === 'string' || body instanceof Uint8Array;
  return fetch(url, {
    method,
    headers: {
      ...(body === undefined || raw ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...probe.headers,
    },
    body:
      body === undefined
        ? undefined
        : raw
          ? (body as string | Uint8Array<ArrayBuffer>)
          : JSON.stringify(body),
  });
}

export function fetchRoute(
  baseUrl: string,
  definition: RouteDef,
  probe: RouteProbe = {},
): Promise<Response> {
  return fetchProbe(routeUrl(baseUrl, definition, probe), definition.method, probe);
}
