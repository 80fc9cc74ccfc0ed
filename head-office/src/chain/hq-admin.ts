// Head office's admin API as the runner calls it: one route of `hqRoutes` (served under /api,
// not the store's /api/v1), its answer parsed with the route's own response schema.
import type { z } from 'zod';
import { hqRoutes } from '@vitrine/shared/core';

export class HqAdminError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

type StoreRoutes = typeof hqRoutes.stores;

async function call<K extends keyof StoreRoutes>(
  url: string,
  token: string,
  name: K,
  input: { params?: Record<string, string>; body?: unknown },
): Promise<z.infer<StoreRoutes[K]['response']>> {
  const route = hqRoutes.stores[name];
  const path = route.path.replace(/:(\w+)/g, (_, key: string) =>
    encodeURIComponent(input.params?.[key] ?? ''),
  );
  const response = await fetch(`${url}/api${path}`, {
    method: route.method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(input.body === undefined ? {} : { body: JSON.stringify(input.body) }),
    signal: AbortSignal.timeout(30_000),
  });
  const answer: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message = (answer as { error?: { message?: string } } | null)?.error?.message;
    throw new HqAdminError(
      response.status,
      `head office: ${route.method} ${path} answered ${response.status}: ${message ?? ''}`,
    );
  }
  return route.response.parse(answer) as z.infer<StoreRoutes[K]['response']>;
}

export type HqAdmin = {
  [K in keyof StoreRoutes]: (input: {
    params?: Record<string, string>;
    body?: unknown;
  }) => Promise<z.infer<StoreRoutes[K]['response']>>;
};

export function hqAdmin(url: string, token: string): HqAdmin {
  const names = Object.keys(hqRoutes.stores) as (keyof StoreRoutes)[];
  return Object.fromEntries(
    names.map((name) => [
      name,
      (input: Parameters<HqAdmin[typeof name]>[0]) => call(url, token, name, input),
    ]),
  ) as HqAdmin;
}
