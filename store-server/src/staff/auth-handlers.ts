// Sign-in handlers (routes: shared/src/core/http/routes/auth.ts). Failures are
// limited per client address and per (account, client address) with growing
// waits (sign-in-limiter.ts), so guessing is slow but nobody can lock a
// colleague out from another device; every failure and wait is written to the
// sign-in audit that managers read.
import type { SignInAuditEntry, authRoutes } from '@vitrine/shared/core';
import type { Db } from '../db/database';
import {
  clientAddress,
  HttpError,
  SignInLimiter,
  verifyPasswordOrDummy,
  type SignInLimits,
} from '@vitrine/shared/node';
import type { Handlers } from '../http/register-routes';
import { SignInAudit } from './sign-in-audit';
import { bearerToken, type StaffAuth } from './staff-auth';

export function authHandlers(
  auth: StaffAuth,
  db: Db,
  limits?: SignInLimits,
): Handlers<typeof authRoutes> {
  const limiter = new SignInLimiter(limits);
  const audit = new SignInAudit(db);
  // Make the dummy hash now, so the first unknown id costs no more than later ones.
  verifyPasswordOrDummy('', undefined);

  return {
    login: ({ body, req, res }) => {
      const { userId, password } = body;
      const client = clientAddress(req.socket.remoteAddress);
      // People type their name as often as their id: a name that is one user's works too.
      // Both look-ups always run, so an exact id answers no faster than anything else.
      const byName = auth.store.idForName(userId);
      const account = auth.store.getUser(userId) ? userId : (byName ?? userId);
      const allowed = limiter.check(account, client);
      if (!allowed.ok) {
        const seconds = Math.ceil(allowed.retryAfterMs / 1000);
        res.set('retry-after', String(seconds));
        throw new HttpError(
          429,
          'too_many_attempts',
          `too many failed sign-ins from this device: wait ${seconds} s`,
        );
      }
      // Unknown and known ids cost the same (a dummy hash is checked): timing tells no names.
      const session = auth.store.signIn(account, password);
      if (!session) {
        const now = Date.now();
        const entry = (event: SignInAuditEntry['event'], until: number | null) =>
          audit.record({
            at: new Date(now).toISOString(),
            account,
            client,
            event,
            until: until === null ? null : new Date(until).toISOString(),
          });
        entry('failure', null);
        for (const lock of limiter.recordFailure(account, client, now))
          entry(lock.scope === 'account' ? 'account-locked' : 'client-locked', lock.until);
        throw new HttpError(401, 'bad_credentials', 'unknown user or wrong password');
      }
      limiter.recordSuccess(account, client);
      return session;
    },
    me: ({ caller }) => ({ user: caller }),
    logout: ({ req }) => {
      const token = bearerToken(req);
      if (token) auth.store.signOut(token);
    },
    signInAudit: ({ query }) => ({ entries: audit.recent(query.limit) }),
  };
}
