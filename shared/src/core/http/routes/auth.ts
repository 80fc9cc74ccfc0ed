// Sign-in for staff, experts and head office: every console signs in here.
import { z } from 'zod';
import { SignInAuditList } from '../../sign-in-audit';
import { StaffRole, anyone, route, staff } from '../route';

export const StaffUser = z.object({ id: z.string(), name: z.string(), roles: z.array(StaffRole) });
export type StaffUser = z.infer<typeof StaffUser>;

export const LoginInput = z.object({
  userId: z.string().min(1).max(64),
  password: z.string().min(1).max(200),
});
export const StaffSession = z.object({ token: z.string(), user: StaffUser, expiresAt: z.string() });
export type StaffSession = z.infer<typeof StaffSession>;

export const authRoutes = {
  login: route({
    method: 'POST',
    path: '/auth/login',
    summary:
      'Signs in with a user id (or a name) and a password; 429 with Retry-After when limited',
    auth: anyone,
    body: LoginInput,
    limit: 2 * 1024,
    response: StaffSession,
  }),
  me: route({
    method: 'GET',
    path: '/auth/me',
    summary: 'The signed-in user and their roles',
    auth: staff(),
    response: z.object({ user: StaffUser }),
  }),
  logout: route({
    method: 'POST',
    path: '/auth/logout',
    summary: 'Ends the session of the token sent (if any)',
    auth: anyone,
    response: 'empty',
  }),
  signInAudit: route({
    method: 'GET',
    path: '/staff/sign-in-audit',
    summary: 'Failed sign-ins and the waits they caused, newest first (managers)',
    auth: staff('manager'),
    query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) }),
    response: SignInAuditList,
  }),
} as const;
