// Registers a server's handlers from a route table (shared/src/core/http): the
// table says who may call and what comes in and out; this file checks the caller
// through the server's auth adapter, parses params, query and body from unknown
// (400 with what was wrong), and sends the handler's answer with the declared
// status. A route without a handler, or a handler without a route, does not
// type-check (`TableHandlers`). What an auth kind means is the server's business.
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
  type RouteDef,
  type RouteGroup,
  type RouteTable,
} from '../../core';
import { HttpError } from './http-error';

/** Who a handler serves, by its route's auth kind: a server's own types (a device, a user…). */
export type Callers = { [K in RouteAuth['kind']]: unknown };

/**
 * What each auth kind means on a server: reads the request's credentials and
 * returns the caller, or throws an HttpError (401, 403). A kind the server does
 * not serve throws too; every kind is listed, so none is forgotten.
 */
export type AuthAdapter<C extends Callers> = {
  [K in RouteAuth['kind']]: (req: Request, auth: Extract<RouteAuth, { kind: K }>) => C[K];
};

export type HandlerInput<R extends RouteDef, C extends Callers> = {
  params: ParamsOf<R>;
  query: QueryOf<R>;
  body: BodyOf<R>;
  caller: C[R['auth']['kind']];
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
export type RouteHandler<R extends RouteDef, C extends Callers> = (
  input: HandlerInput<R, C>,
) => ReplyOf<R> | JsonText | Promise<ReplyOf<R> | JsonText>;

export type GroupHandlers<G extends RouteGroup, C extends Callers> = {
  [K in keyof G]: RouteHandler<G[K], C>;
};
/** A handler for every route of every group of a table. */
export type TableHandlers<T extends RouteTable, C extends Callers> = {
  [G in keyof T]: GroupHandlers<T[G], C>;
};

function parsed(schema: RouteDef['params'] | RouteDef['query'], input: unknown, what: string) {
  if (schema === undefined) return undefined;
  const result = parseUnknown(schema, input);
  if (!result.ok) throw new HttpError(400, 'invalid_request', `${what}: ${result.error}`);
  return result.value;
}

function bodyOf(definition: RouteDef, req: Request): unknown {
  const schema = definition.body;
  if (schema === undefined || isUpload(schema)) return undefined;
  const result = parseUnknown(schema, req.body as unknown);
  if (!result.ok) throw new HttpError(400, 'invalid_request', result.error);
  return result.value;
}

type AnyHandler = (input: HandlerInput<RouteDef, Callers>) => unknown;
type AnyCheck = (req: Request, auth: RouteAuth) => unknown;

/** Adds one group's routes, in the table's order (a fixed segment before a `:param`). */
function registerGroup(
  router: Router,
  group: RouteGroup,
  handlers: Record<string, AnyHandler>,
  auth: Record<RouteAuth['kind'], AnyCheck>,
): void {
  for (const [name, definition] of Object.entries(group)) {
    const handler = handlers[name];
    if (handler === undefined) throw new Error(`no handler for route ${name}`);
    const method = definition.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete';
    router[method](definition.path, async (req, res) => {
      // For the metrics' route label: req.baseUrl is put back if the handler throws.
      res.locals.routePattern = `${req.baseUrl}${definition.path}`;
      const caller = auth[definition.auth.kind](req, definition.auth);
      const input = {
        caller,
        params: parsed(definition.params, req.params, 'path'),
        query: parsed(definition.query, req.query, 'query'),
        body: bodyOf(definition, req),
        req,
        res,
      } as HandlerInput<RouteDef, Callers>;
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

/** Registers every group of a route table on `router`, each caller checked by `auth`. */
export function registerTable<T extends RouteTable, C extends Callers>(
  router: Router,
  table: T,
  handlers: TableHandlers<T, C>,
  auth: AuthAdapter<C>,
): void {
  for (const group of Object.keys(table)) {
    registerGroup(
      router,
      table[group] as RouteGroup,
      handlers[group] as unknown as Record<string, AnyHandler>,
      auth as unknown as Record<RouteAuth['kind'], AnyCheck>,
    );
  }
}
