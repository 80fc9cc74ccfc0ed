// The one typed HTTP client, generated from the route table: every caller of
// the store server's API (devices, consoles, tests, tools) goes through it.
// Answers are parsed with the route's schema, never cast.
import { ApiError } from '../device-api';
import { parseUnknown } from '../parse';
import {
  fillPath,
  isJsonResponse,
  isUpload,
  queryString,
  type AnswerOf,
  type CallInput,
  type RouteDef,
  type RouteGroup,
  type RouteTable,
  type UploadData,
} from './route';

export const API_PREFIX = '/api/v1';

/** How calls reach the server: its origin, the credential to send, and which fetch. */
export type ApiTransport = {
  /** `https://store.local:8443` or '' for the page's own origin. */
  baseUrl: string;
  /** The Authorization header value, when the caller has one. */
  authorization?: () => string | undefined | null;
  fetch?: typeof fetch;
  /** Extra fetch options (cache, signal, keepalive…) for every call. */
  init?: RequestInit;
};

/** A refusal from the server (4xx/5xx), with its error code and message. */
export class ApiCallError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** From Retry-After: how long the server asks the caller to wait. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** The full URL of a route (images, downloads, event streams), without calling it. */
export function routeUrl<R extends RouteDef>(
  baseUrl: string,
  definition: R,
  input: CallInput<R> | { params?: unknown; query?: unknown },
): string {
  const { params, query } = input as { params?: Record<string, string>; query?: object };
  return `${baseUrl}${API_PREFIX}${fillPath(definition.path, params)}${queryString(query)}`;
}

async function refusal(response: Response): Promise<ApiCallError> {
  const error = parseUnknown(ApiError, await response.json().catch(() => null));
  return new ApiCallError(
    response.status,
    error.ok ? error.value.error.code : 'http_error',
    error.ok ? error.value.error.message : `HTTP ${response.status}`,
    Number(response.headers.get('retry-after')) || undefined,
  );
}

/** Calls one route; throws ApiCallError on a refusal or an answer of the wrong shape. */
export async function callRoute<R extends RouteDef>(
  transport: ApiTransport,
  definition: R,
  input: CallInput<R>,
  init: RequestInit = {},
): Promise<AnswerOf<R>> {
  const { body, contentType } = input as { body?: unknown; contentType?: string };
  const headers: Record<string, string> = {};
  const authorization = transport.authorization?.();
  if (authorization) headers.authorization = authorization;
  let payload: UploadData | undefined;
  if (isUpload(definition.body)) {
    payload = body as UploadData;
    headers['content-type'] = contentType ?? 'application/octet-stream';
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['content-type'] = 'application/json';
  }
  const response = await (transport.fetch ?? fetch)(
    routeUrl(transport.baseUrl, definition, input),
    { ...transport.init, ...init, method: definition.method, headers, body: payload },
  );
  if (!response.ok) throw await refusal(response);
  if (!isJsonResponse(definition.response)) {
    if (definition.response === 'empty') {
      await response.body?.cancel();
      return undefined as AnswerOf<R>;
    }
    return response as AnswerOf<R>;
  }
  const parsed = parseUnknown(definition.response, await response.json().catch(() => null));
  if (!parsed.ok) {
    throw new ApiCallError(
      response.status,
      'bad_answer',
      `${definition.method} ${definition.path} answered an unexpected shape: ${parsed.error}`,
    );
  }
  return parsed.value as AnswerOf<R>;
}

type Callable<R extends RouteDef> = (
  input: CallInput<R>,
  init?: RequestInit,
) => Promise<AnswerOf<R>>;
type NeedsInput<R extends RouteDef> = Record<never, never> extends CallInput<R> ? false : true;
/** A route's call: input optional when the route takes none. */
export type RouteCall<R extends RouteDef> =
  NeedsInput<R> extends true
    ? Callable<R>
    : (input?: CallInput<R>, init?: RequestInit) => Promise<AnswerOf<R>>;
export type ApiClient<T extends RouteTable> = {
  [G in keyof T]: { [K in keyof T[G]]: RouteCall<T[G][K]> };
};

/** A client with one function per route of the table: `client.fleet.rename({ params, body })`. */
export function apiClient<T extends RouteTable>(table: T, transport: ApiTransport): ApiClient<T> {
  const groups = Object.entries(table).map(([groupName, group]: [string, RouteGroup]) => [
    groupName,
    Object.fromEntries(
      Object.entries(group).map(([name, definition]) => [
        name,
        (input: CallInput<RouteDef> = {}, init?: RequestInit) =>
          callRoute(transport, definition, input, init),
      ]),
    ),
  ]);
  return Object.fromEntries(groups) as ApiClient<T>;
}
