// Calls the store server's API as a signed-in user. The session token is kept
// in sessionStorage: closing the tab signs out a shared tablet.
import {
  API_PREFIX,
  ApiCallError,
  ApiError,
  apiClient,
  apiRoutes,
  parseUnknown,
} from '@vitrine/shared/core';

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

/** JSON in, JSON out, with the server's error message when it refuses. */
export async function api<T = unknown>(
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<T> {
  const token = session.token();
  const response = await fetch(`${API_PREFIX}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const body: unknown = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    const error = parseUnknown(ApiError, body);
    throw new ApiCallError(
      response.status,
      error.ok ? error.value.error.code : 'http_error',
      error.ok ? error.value.error.message : `HTTP ${response.status}`,
      Number(response.headers.get('retry-after')) || undefined,
    );
  }
  return body as T;
}
