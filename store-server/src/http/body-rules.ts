// Every API route that changes something, who may send it a body and how big
// that body may be. The body gate reads nothing before the caller is known and
// nothing beyond the limit; body-rules.test.ts fails when a route is missing.
import {
  API_PREFIX,
  NO_BODY_LIMIT,
  SMALL_JSON_LIMIT,
  apiRoutes,
  bodyLimit,
  isUpload,
  type RouteAuth,
  type RouteDef,
} from '@vitrine/shared/core';

/** Who must have signed in before a byte of the body is read. */
export type BodyCaller = 'public' | 'device' | 'staff' | 'device-or-staff';

export type BodyRule = {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Express-style path (`:param` segments), with the API prefix. */
  path: string;
  caller: BodyCaller;
  /** `json`: parsed here, up to `limit`; `stream`: the route reads it itself, up to `limit`. */
  body: 'json' | 'stream';
  limit: number;
};

/** Routes not in the table (none should be): small JSON, read without knowing the caller. */
export const DEFAULT_JSON_LIMIT = SMALL_JSON_LIMIT;

const api = (path: string) => `${API_PREFIX}${path}`;

const CALLER: Record<RouteAuth['kind'], BodyCaller> = {
  public: 'public',
  device: 'device',
  staff: 'staff',
  admin: 'staff',
  'device-or-admin': 'device-or-staff',
  'device-or-staff': 'device-or-staff',
};
const callerOf = (auth: RouteAuth): BodyCaller => CALLER[auth.kind];

/** The rule of a route of the table (shared/src/core/http): its caller, body kind and limit. */
function tableRule(definition: RouteDef): BodyRule | undefined {
  if (definition.method === 'GET') return undefined;
  return {
    method: definition.method,
    path: api(definition.path),
    caller: callerOf(definition.auth),
    body: isUpload(definition.body) ? 'stream' : 'json',
    limit: bodyLimit(definition),
  };
}
const TABLE_RULES = Object.values(apiRoutes).flatMap((group) =>
  Object.values(group).flatMap((definition: RouteDef) => tableRule(definition) ?? []),
);

/**
 * Bodies outside the API: the shopper's phone deletes a shared look from its
 * page (the token in the URL is the credential). Every API route is in the table.
 */
const PAGE_RULES: readonly BodyRule[] = [
  {
    method: 'POST',
    path: '/look/:token/delete',
    caller: 'public',
    body: 'json',
    limit: NO_BODY_LIMIT,
  },
];

export const BODY_RULES: readonly BodyRule[] = [...TABLE_RULES, ...PAGE_RULES];

/** The rule for a request, or undefined when no route of the table matches. */
export function bodyRuleFor(method: string, path: string): BodyRule | undefined {
  const segments = path.split('/');
  return BODY_RULES.find((rule) => {
    if (rule.method !== method) return false;
    const pattern = rule.path.split('/');
    return (
      pattern.length === segments.length &&
      pattern.every((part, index) => part.startsWith(':') || part === segments[index])
    );
  });
}
