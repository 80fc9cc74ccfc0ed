// Head office's side of the route registrar (@vitrine/shared/node): who is calling. A person
// signs in (hq/users routes) and sends their session token; the admin token (`--admin-token`)
// answers as the built-in admin, for scripts and the first user. Who is calling is resolved once
// per request before the body gate (a session is a PostgreSQL lookup; the gate and the route
// checks are synchronous); enrolment is public and checks its one-time code itself.
import { timingSafeEqual } from 'node:crypto';
import express, { type Express, type Request, type RequestHandler } from 'express';
import { API_PREFIX, hqRoutes, type HqRoutes, type HqUser } from '@vitrine/shared/core';
import {
  bodyGate,
  bodyRuleLookup,
  HttpError,
  registerTable,
  tableBodyRules,
  type AuthAdapter,
  type TableHandlers,
} from '@vitrine/shared/node';
import type { Pool } from '../db/pool';
import { userForToken } from '../users/hq-users';

type HqCallers = {
  public: undefined;
  device: never;
  staff: HqUser;
  admin: HqUser;
  'device-or-admin': never;
  'device-or-staff': never;
};
export type HqHandlers = TableHandlers<HqRoutes, HqCallers>;

/** Who the admin token is. */
const TOKEN_ADMIN: HqUser = {
  id: 'admin',
  name: 'Admin token',
  roles: ['admin'],
  disabled: false,
};

const callers = new WeakMap<Request, HqUser>();

export const bearerOf = (req: Request) =>
  /^Bearer (\S+)$/.exec(req.header('authorization') ?? '')?.[1];

function isAdminToken(given: string, adminToken: string | undefined): boolean {
  if (adminToken === undefined) return false;
  const [a, b] = [Buffer.from(given), Buffer.from(adminToken)];
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Resolves the caller of every API request: the admin token, a live session, or nobody. */
function resolveCaller(pool: Pool, adminToken: string | undefined): RequestHandler {
  return (req, _res, next) => {
    const token = bearerOf(req);
    if (!token) return next();
    if (isAdminToken(token, adminToken)) {
      callers.set(req, TOKEN_ADMIN);
      return next();
    }
    userForToken(pool, token).then((user) => {
      if (user) callers.set(req, user);
      next();
    }, next);
  };
}

const noDevices = (): never => {
  throw new HttpError(403, 'forbidden', 'head office serves no device');
};

function signedIn(req: Request): HqUser {
  const caller = callers.get(req);
  if (!caller) throw new HttpError(401, 'unauthenticated', 'sign in first');
  return caller;
}

const hqAuth: AuthAdapter<HqCallers> = {
  public: () => undefined,
  device: noDevices,
  staff: (req, auth) => {
    const caller = signedIn(req);
    const allowed =
      auth.roles.length === 0 ||
      caller.roles.some((role) => role === 'admin' || (auth.roles as string[]).includes(role));
    if (!allowed)
      throw new HttpError(
        403,
        'forbidden',
        `this needs one of the roles: ${auth.roles.join(', ')}`,
      );
    return caller;
  },
  admin: (req) => {
    const caller = signedIn(req);
    if (caller !== TOKEN_ADMIN) throw new HttpError(403, 'forbidden', 'the admin token only');
    return caller;
  },
  'device-or-admin': noDevices,
  'device-or-staff': noDevices,
};

/** Who is calling, the body gate (before any body is read) and the API's routes under /api/v1,
 * the stores' own prefix: one API client serves both. */
export function registerHqApi(
  app: Express,
  handlers: HqHandlers,
  options: { pool: Pool; adminToken: string | undefined },
) {
  const rules = bodyRuleLookup(tableBodyRules(hqRoutes, API_PREFIX));
  const known = (req: Request) => callers.has(req);
  app.use(API_PREFIX, resolveCaller(options.pool, options.adminToken));
  app.use(bodyGate(rules, { staff: known, device: () => false, 'device-or-staff': known }));
  const router = express.Router();
  registerTable(router, hqRoutes, handlers, hqAuth);
  app.use(API_PREFIX, router);
}
