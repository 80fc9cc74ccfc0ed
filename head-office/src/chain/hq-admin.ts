// Head office's admin API as the runner calls it: the one typed client of the route table
// (served under /api/v1, as the stores' is), with the admin token, every call bounded.
import { apiClient, hqRoutes } from '@vitrine/shared/core';

const CALL_TIMEOUT_MS = 30_000;

export type HqAdmin = ReturnType<typeof hqAdmin>;

/** The demo chain's head-office user (the demo stores' staff share the password). */
export const DEMO_HQ_USER = { id: 'siege', password: 'vitrine-demo' } as const;

export function hqAdmin(url: string, token: string) {
  const client = apiClient(hqRoutes, {
    baseUrl: url,
    authorization: () => `Bearer ${token}`,
    fetch: (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(CALL_TIMEOUT_MS) }),
  });
  return {
    ...client.stores,
    /** Makes (or makes again) the demo's head-office user, an admin. */
    ensureDemoUser: () =>
      client.users.put({
        params: { id: DEMO_HQ_USER.id },
        body: { name: 'Siège (démo)', roles: ['admin'], password: DEMO_HQ_USER.password },
      }),
  };
}
