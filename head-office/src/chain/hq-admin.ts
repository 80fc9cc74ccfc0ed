// Head office's admin API as the runner calls it: the one typed client of the route table
// (served under /api/v1, as the stores' is), with the admin token, every call bounded.
import { apiClient, hqRoutes } from '@vitrine/shared/core';

const CALL_TIMEOUT_MS = 30_000;

export type HqAdmin = ReturnType<typeof hqAdmin>;

export function hqAdmin(url: string, token: string) {
  return apiClient(hqRoutes, {
    baseUrl: url,
    authorization: () => `Bearer ${token}`,
    fetch: (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(CALL_TIMEOUT_MS) }),
  }).stores;
}
