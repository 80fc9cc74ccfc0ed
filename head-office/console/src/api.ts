// Calls head office's API (shared/src/core/http/routes/hq) through the one typed client. The
// session token (or the admin token) is kept in sessionStorage, never in the address, so closing
// the tab signs out.
import { ApiCallError, apiClient, hqRoutes } from '@vitrine/shared/core';

export { ApiCallError };

const TOKEN_KEY = 'vitrine.hq.token';

export const session = {
  token: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  set: (token: string) => sessionStorage.setItem(TOKEN_KEY, token),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

export const hq = apiClient(hqRoutes, {
  baseUrl: '',
  authorization: () => {
    const token = session.token();
    return token ? `Bearer ${token}` : undefined;
  },
});

/** What to tell the person when a call fails: the server's refusal as it is, or "unreachable". */
export function failure(caught: unknown, unreachable: string): string {
  return caught instanceof ApiCallError ? caught.message : unreachable;
}
