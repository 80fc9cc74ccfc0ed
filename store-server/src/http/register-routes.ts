// Registers the API's handlers from the route table (shared/src/core/http):
// the table says who may call and what comes in and out; this file checks the
// caller, parses params, query and body (400 with what was wrong), and sends
// the handler's answer with the declared status. A route without a handler,
// or a handler without a route, does not type-check (`Handlers`).
import type { Request, Response, Router } from 'express';
import {
  isJsonResponse,
  isUpload,
  parseUnknown,
  type BodyOf,
  type ParamsOf,
  type QueryOf,
  type ReplyOf,
  type RouteAuth,
  type ApiRoutes,
  type RouteDef,
  type RouteGroup,
} from '@vitrine/shared/core';
import { parseDeviceBearer } from '../devices/credentials';
import type { DeviceRecord, DeviceRegistry } from '../devices/registry';
import { requireRole, type StaffAuth } from '../staff/staff-auth';
import type { StaffUser } from '../staff/staff-store';
import { deviceFrom, isAdmin, requireAdmin } from './auth';
import { HttpError } from './http-error';

/** Who the handler is serving, by the route's auth kind. */
type CallerOf<A extends RouteAuth> = A extends { kind: 'device' }
  ? DeviceRecord
  : A extends { kind: 'staff' }
    ? StaffUser
    : A extends { kind: 'device-or-admin' }
      ? DeviceRecord | 'admin'
      : A extends { kind: 'device-or-staff' }
        ? { device: DeviceRecord } | { staff: StaffUser }
        : undefined;

type HandlerInput<R extends RouteDef> = {
  params: ParamsOf<R>;
  query: QueryOf<R>;
  body: BodyOf<R>;
  caller: CallerOf<R['auth']>;
  req: Request;
  res: Response;
};

/**
 * A JSON answer serialised already, sent as is: the sync feed builds its pages
 * as text from SQLite rows, and parsing them only to serialise them again would
 * double the cost of the hottest route.
 */
export class JsonText {
  constructor(readonly text: string) {}
}

/** JSON routes return their answer; 'empty' and raw routes return nothing (raw ones write `res`). */
type Handler<R extends RouteDef> = (
  input: HandlerInput<R>,
) => ReplyOf<R> | JsonText | Promise<ReplyOf<R> | JsonText>;

export type Handlers<G extends RouteGroup> = { [K in keyof G]: Handler<G[K]> };
/** A handler for every route of every group of the API. */
export type ApiHandlers = { [G in keyof ApiRoutes]: Handlers<ApiRoutes[G]> };

/** How the server tells who is calling. */
export type CallerChecks = { registry: DeviceRegistry; staffAuth: StaffAuth };

function callerFor(req: Request, auth: RouteAuth, checks: CallerChecks): unknown {
  const { registry, staffAuth } = checks;
  switch (auth.kind) {
    case 'public':
      return undefined;
    case 'device':
      return deviceFrom(req, registry, {
        activeOnly: auth.pending !== true,
        stations: auth.stations,
      });
    case 'staff':
      return requireRole(req, staffAuth, ...auth.roles);
    case 'admin':
      requireAdmin(req, staffAuth.adminToken);
      return undefined;
    case 'device-or-admin':
      return isAdmin(req, staffAuth.adminToken)
        ? 'admin'
        : deviceFrom(req, registry, { activeOnly: true });
    case 'device-or-staff':
      // The bearer's shape says which it is, so each gets its own refusal (a revoked screen
      // 403); an admin token that happens to have a device's shape is still the admin's.
      return parseDeviceBearer(req.header('authorization')) && !isAdmin(req, staffAuth.adminToken)
        ? { device: deviceFrom(req, registry, { activeOnly: true }) }
        : { staff: requireRole(req, staffAuth, ...auth.roles) };
  }
}

function parsed(schema: RouteDef['params'] | RouteDef['query'], input: unknown, what: string) {
  if (schema === undefined) return undefined;
  const result = parseUnknown(schema, input);
  if (!result.ok) throw new HttpError(400, 'invalid_request', `${what}: ${result.error}`);
  return result.value;
}

function bodyOf(definition: RouteDef, req: Request): unknown {
  const schema = definition.body;
  if (schema === undefined || isUpload(schema)) return undefined;
  const result = parseUnknown(schema, req.body);
  if (!result.ok) throw new HttpError(400, 'invalid_request', result.error);
  return result.value;
}

/** Adds one group's routes, in the table's order (a fixed segment before a `:param`). */
function registerRoutes<G extends RouteGroup>(
  router: Router,
  group: G,
  handlers: Handlers<G>,
  checks: CallerChecks,
): void {
  for (const [name, definition] of Object.entries(group)) {
    const handler = handlers[name as keyof G] as unknown as (
      input: HandlerInput<RouteDef>,
    ) => unknown;
    const method = definition.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete';
    router[method](definition.path, async (req, res) => {
      // For the metrics' route label: req.baseUrl is put back if the handler throws.
      res.locals.routePattern = `${req.baseUrl}${definition.path}`;
      const caller = callerFor(req, definition.auth, checks);
      const input = {
        caller,
        params: parsed(definition.params, req.params, 'path'),
        query: parsed(definition.query, req.query, 'query'),
        body: bodyOf(definition, req),
        req,
        res,
      } as HandlerInput<RouteDef>;
      // The declared success status; a handler may set another (200 for a replay of a 201).
      res.status(definition.response === 'empty' ? 204 : (definition.status ?? 200));
      const answer = await handler(input);
      if (res.headersSent) return;
      if (definition.response === 'empty') res.end();
      else if (answer instanceof JsonText) res.type('application/json').send(answer.text);
      else if (isJsonResponse(definition.response)) res.json(answer);
    });
  }
}

/** Registers every group of the API's route table. */
export function registerApi(
  router: Router,
  table: ApiRoutes,
  handlers: ApiHandlers,
  checks: CallerChecks,
): void {
  for (const group of Object.keys(table) as (keyof ApiRoutes)[]) {
    registerRoutes(
      router,
      table[group] as RouteGroup,
      handlers[group] as Handlers<RouteGroup>,
      checks,
    );
  }
}
