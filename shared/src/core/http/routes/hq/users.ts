// Head office's people: sign-in (a session token kept hashed, 12 h) and, for admins, the users
// themselves with their roles (hq/roles.ts). A password is chosen by a person: at least 12
// characters, stored with scrypt; a disabled user's sessions end at once.
import { z } from 'zod';
import { anyone, route } from '../../route';
import { idParam } from '../ids';
import { HqRole, hqAdmin, hqReader } from './roles';

export const HqUser = z.object({
  id: z.string(),
  name: z.string(),
  roles: z.array(HqRole),
  disabled: z.boolean(),
});
export type HqUser = z.infer<typeof HqUser>;

export const HqLoginInput = z.object({
  userId: z.string().min(1).max(64),
  password: z.string().min(1).max(200),
});
export const HqSession = z.object({ token: z.string(), user: HqUser, expiresAt: z.iso.datetime() });
export type HqSession = z.infer<typeof HqSession>;

export const HQ_PASSWORD_MIN = 12;

export const HqUserInput = z.object({
  name: z.string().trim().min(1).max(100),
  roles: z.array(HqRole).max(2),
  /** Required for a new user; absent keeps the password. */
  password: z.string().min(HQ_PASSWORD_MIN).max(200).optional(),
});
export type HqUserInput = z.infer<typeof HqUserInput>;

const UserParams = idParam('user');

export const hqAuthRoutes = {
  login: route({
    method: 'POST',
    path: '/auth/login',
    summary: 'Signs in with a user id and a password; 429 with Retry-After when limited',
    auth: anyone,
    body: HqLoginInput,
    limit: 2 * 1024,
    response: HqSession,
  }),
  me: route({
    method: 'GET',
    path: '/auth/me',
    summary: 'Who is signed in (the admin token answers as the built-in admin)',
    auth: hqReader,
    response: z.object({ user: HqUser }),
  }),
  logout: route({
    method: 'POST',
    path: '/auth/logout',
    summary: 'Ends the session of the token sent (if any)',
    auth: anyone,
    response: 'empty',
  }),
} as const;

export const hqUserRoutes = {
  list: route({
    method: 'GET',
    path: '/users',
    summary: "Head office's users, by id",
    auth: hqAdmin,
    response: z.object({ users: z.array(HqUser) }),
  }),
  put: route({
    method: 'PUT',
    path: '/users/:id',
    summary: 'Create or change a user (name, roles, password)',
    auth: hqAdmin,
    params: UserParams,
    body: HqUserInput,
    response: HqUser,
  }),
  disable: route({
    method: 'POST',
    path: '/users/:id/disable',
    summary: 'Disable a user: their sessions end at once',
    auth: hqAdmin,
    params: UserParams,
    response: HqUser,
  }),
} as const;
