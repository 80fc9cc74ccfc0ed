// Head office's side of the route registrar (@vitrine/shared/node): who each auth kind of its
// route table is here. For now one credential, the admin token (`--admin-token`), until HQ
// sign-in lands; enrolment is public and checks its one-time code itself.
import { timingSafeEqual } from 'node:crypto';
import express, { type Express, type Request } from 'express';
import { API_PREFIX, hqRoutes, type HqRoutes } from '@vitrine/shared/core';
import {
  bodyGate,
  bodyRuleLookup,
  HttpError,
  registerTable,
  tableBodyRules,
  type AuthAdapter,
  type TableHandlers,
} from '@vitrine/shared/node';

type HqCallers = {
  public: undefined;
  device: never;
  staff: undefined;
  admin: undefined;
  'device-or-admin': never;
  'device-or-staff': never;
};
export type HqHandlers = TableHandlers<HqRoutes, HqCallers>;

function isAdmin(req: Request, adminToken: string | undefined): boolean {
  const given = Buffer.from(/^Bearer (.+)$/.exec(req.header('authorization') ?? '')?.[1] ?? '');
  if (adminToken === undefined) return false;
  const expected = Buffer.from(adminToken);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function requireAdmin(req: Request, adminToken: string | undefined): undefined {
  if (adminToken === undefined)
    throw new HttpError(
      403,
      'no_admin_token',
      'this head office was started without --admin-token',
    );
  if (!isAdmin(req, adminToken))
    throw new HttpError(401, 'unauthenticated', 'the admin token is required (Bearer <token>)');
  return undefined;
}

const noDevices = (): never => {
  throw new HttpError(403, 'forbidden', 'head office serves no device');
};

function hqAuth(adminToken: string | undefined): AuthAdapter<HqCallers> {
  return {
    public: () => undefined,
    device: noDevices,
    staff: (req) => requireAdmin(req, adminToken),
    admin: (req) => requireAdmin(req, adminToken),
    'device-or-admin': noDevices,
    'device-or-staff': noDevices,
  };
}

/** The body gate (before any body is read) and the API's routes under /api/v1, the
 * stores' own prefix: one API client serves both. */
export function registerHqApi(app: Express, handlers: HqHandlers, adminToken: string | undefined) {
  const rules = bodyRuleLookup(tableBodyRules(hqRoutes, API_PREFIX));
  const admin = (req: Request) => isAdmin(req, adminToken);
  app.use(bodyGate(rules, { staff: admin, device: () => false, 'device-or-staff': admin }));
  const router = express.Router();
  registerTable(router, hqRoutes, handlers, hqAuth(adminToken));
  app.use(API_PREFIX, router);
}
