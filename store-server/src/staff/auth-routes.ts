// Sign-in for staff, experts and head office. Failed attempts are limited per
// user id so a tablet left in a corridor cannot be used to guess passwords.
import { Router } from 'express';
import { z } from 'zod';
import { parseUnknown } from '@vitrine/shared/core';
import { HttpError, parseOr400 } from '../http/http-error';
import { bearerToken, requireRole, type StaffAuth } from './staff-auth';

const Login = z.object({ userId: z.string().min(1).max(64), password: z.string().min(1).max(200) });
const MAX_FAILURES = 5;
const LOCKOUT_MS = 60_000;

export function authRoutes(auth: StaffAuth): Router {
  const router = Router();
  const failures = new Map<string, { count: number; until: number }>();

  router.post('/auth/login', (req, res) => {
    const { userId, password } = parseOr400(parseUnknown(Login, req.body));
    const record = failures.get(userId);
    if (record && record.count >= MAX_FAILURES && Date.now() < record.until) {
      throw new HttpError(429, 'too_many_attempts', 'too many failed sign-ins: wait a minute');
    }
    // People type their name as often as their id: a name that is one user's works too.
    const id = auth.store.getUser(userId) ? userId : (auth.store.idForName(userId) ?? userId);
    const session = auth.store.signIn(id, password);
    if (!session) {
      const count = (record && Date.now() < record.until ? record.count : 0) + 1;
      failures.set(userId, { count, until: Date.now() + LOCKOUT_MS });
      throw new HttpError(401, 'bad_credentials', 'unknown user or wrong password');
    }
    failures.delete(userId);
    res.json(session);
  });

  router.get('/auth/me', (req, res) => {
    res.json({ user: requireRole(req, auth) });
  });

  router.post('/auth/logout', (req, res) => {
    const token = bearerToken(req);
    if (token) auth.store.signOut(token);
    res.status(204).end();
  });
  return router;
}
