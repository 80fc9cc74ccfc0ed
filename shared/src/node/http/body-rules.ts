// Every route that changes something: who may send it a body and how big that
// body may be, read off a route table (shared/src/core/http). The body gate
// (body-gate.ts) reads nothing before the caller is known and nothing beyond
// the limit.
import { bodyLimit, isUpload, type RouteAuth, type RouteDef, type RouteTable } from '../../core';

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

// The admin token is a staff credential; a route an admin may call in a device's
// stead takes either.
const CALLER: Record<RouteAuth['kind'], BodyCaller> = {
  public: 'public',
  device: 'device',
  staff: 'staff',
  admin: 'staff',
  'device-or-admin': 'device-or-staff',
  'device-or-staff': 'device-or-staff',
};

/** The rule of a route of a table: its caller, body kind and limit (none for a GET). */
function tableRule(definition: RouteDef, prefix: string): BodyRule | undefined {
  if (definition.method === 'GET') return undefined;
  return {
    method: definition.method,
    path: `${prefix}${definition.path}`,
    caller: CALLER[definition.auth.kind],
    body: isUpload(definition.body) ? 'stream' : 'json',
    limit: bodyLimit(definition),
  };
}

/** The rules of every route of a table that takes a body, its paths under `prefix`. */
export function tableBodyRules(table: RouteTable, prefix: string): BodyRule[] {
  return Object.values(table).flatMap((group) =>
    Object.values(group).flatMap((definition) => tableRule(definition, prefix) ?? []),
  );
}

/** Finds the rule for a request; undefined when no rule's method and path match. */
export type BodyRuleLookup = (method: string, path: string) => BodyRule | undefined;

/** The lookup over a server's rules: a `:param` segment matches any one segment. */
export function bodyRuleLookup(rules: readonly BodyRule[]): BodyRuleLookup {
  return (method, path) => {
    const segments = path.split('/');
    return rules.find((rule) => {
      if (rule.method !== method) return false;
      const pattern = rule.path.split('/');
      return (
        pattern.length === segments.length &&
        pattern.every((part, index) => part.startsWith(':') || part === segments[index])
      );
    });
  };
}
