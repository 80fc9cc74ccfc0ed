// Who is calling a staff, expert or head-office API: a signed-in user with
// roles (Bearer <session token>), or the store's admin token (every role).
import type { Request } from 'express';
import { isAdmin } from '../http/auth';
import { HttpError } from '@vitrine/shared/node';
import type { StaffRole, StaffStore, StaffUser } from './staff-store';

export type StaffAuth = { store: StaffStore; adminToken: string };

const ADMIN: StaffUser = { id: 'admin', name: 'Administrator', roles: ['admin'] };

export function bearerToken(req: Request): string | undefined {
  return /^Bearer (\S+)$/.exec(req.header('authorization') ?? '')?.[1];
}

/** The caller if signed in with one of `roles` (admin always passes); else 401 or 403. */
export function requireRole(req: Request, auth: StaffAuth, ...roles: StaffRole[]): StaffUser {
  if (isAdmin(req, auth.adminToken)) return ADMIN;
  const token = bearerToken(req);
  const user = token ? auth.store.userForToken(token) : undefined;
  if (!user) throw new HttpError(401, 'unauthenticated', 'sign in first');
  if (roles.length > 0 && !user.roles.some((role) => role === 'admin' || roles.includes(role))) {
    throw new HttpError(403, 'forbidden', `this needs one of the roles: ${roles.join(', ')}`);
  }
  return user;
}
