// Calls the store server's API as a signed-in user. The session token is kept
// in sessionStorage: closing the tab signs out a shared tablet.
import { ApiCallError, apiClient, apiRoutes } from '@vitrine/shared/core';

export { ApiCallError };

const TOKEN_KEY = 'vitrine.console.token';

export const session = {
  token: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  set: (token: string) => sessionStorage.setItem(TOKEN_KEY, token),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

/** The typed client of the store server's API (shared/src/core/http), as the signed-in user. */
export const client = apiClient(apiRoutes, {
  baseUrl: '',
  authorization: () => {
    const token = session.token();
    return token ? `Bearer ${token}` : undefined;
  },
});
