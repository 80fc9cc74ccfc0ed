// The handlers of head office's `auth` and `users` routes. Failed sign-ins are limited per
// client address and per (account, address), with growing waits (shared/node sign-in limiter,
// one per process), and logged; an unknown id answers like a wrong password, as slowly.
import type { Pool } from 'pg';
import {
  clientAddress,
  HttpError,
  SignInLimiter,
  verifyPasswordOrDummy,
  type Logger,
  type SignInLimits,
} from '@vitrine/shared/node';
import { bearerOf, type HqHandlers } from '../http/register-api';
import { disableUser, listUsers, putUser, signIn, signOut } from './hq-users';

export function userHandlers(
  pool: Pool,
  log: Logger,
  limits?: SignInLimits,
): Pick<HqHandlers, 'auth' | 'users'> {
  const limiter = new SignInLimiter(limits);
  // Make the dummy hash now, so the first unknown id costs no more than later ones.
  verifyPasswordOrDummy('', undefined);
  return {
    auth: {
      login: async ({ body, req, res }) => {
        const client = clientAddress(req.socket.remoteAddress);
        const allowed = limiter.check(body.userId, client);
        if (!allowed.ok) {
          const seconds = Math.ceil(allowed.retryAfterMs / 1000);
          res.set('retry-after', String(seconds));
          throw new HttpError(
            429,
            'too_many_attempts',
            `too many failed sign-ins from this device: wait ${seconds} s`,
          );
        }
        const session = await signIn(pool, body.userId, body.password);
        if (!session) {
          limiter.recordFailure(body.userId, client, Date.now());
          log.warn({ account: body.userId, client }, 'head office: a sign-in failed');
          throw new HttpError(401, 'bad_credentials', 'unknown user or wrong password');
        }
        limiter.recordSuccess(body.userId, client);
        log.info({ user: session.user.id }, 'head office: signed in');
        return session;
      },
      me: ({ caller }) => ({ user: caller }),
      logout: async ({ req }) => {
        const token = bearerOf(req);
        if (token) await signOut(pool, token);
      },
    },
    users: {
      list: async () => ({ users: await listUsers(pool) }),
      put: async ({ params, body, caller }) => {
        const user = await putUser(pool, params.id, body);
        log.info({ user: user.id, roles: user.roles, by: caller.id }, 'head office: user saved');
        return user;
      },
      disable: async ({ params, caller }) => {
        const user = await disableUser(pool, params.id);
        log.info({ user: user.id, by: caller.id }, 'head office: user disabled');
        return user;
      },
    },
  };
}
