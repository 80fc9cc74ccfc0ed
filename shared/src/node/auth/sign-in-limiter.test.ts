import { describe, expect, it } from 'vitest';
import { clientAddress, DEFAULT_SIGN_IN_LIMITS, SignInLimiter } from './sign-in-limiter';

const limits = { ...DEFAULT_SIGN_IN_LIMITS, capacity: 1_000 };
const T0 = 1_700_000_000_000;

function fail(limiter: SignInLimiter, account: string, client: string, times: number, now = T0) {
  return Array.from({ length: times }, () => limiter.recordFailure(account, client, now)).flat();
}

describe('sign-in limiter', () => {
  it('makes the guessing client wait, not the account: the same user signs in from another address', () => {
    const limiter = new SignInLimiter(limits);
    const locks = fail(limiter, 'manager', '10.0.0.66', 5);
    expect(locks).toEqual([{ scope: 'account', until: T0 + 60_000 }]);
    expect(limiter.check('manager', '10.0.0.66', T0 + 1)).toMatchObject({
      ok: false,
      scope: 'account',
    });
    expect(limiter.check('manager', '10.0.0.12', T0 + 1)).toEqual({ ok: true });
    expect(limiter.check('staff', '10.0.0.66', T0 + 1)).toEqual({ ok: true });
    expect(limiter.check('manager', '10.0.0.66', T0 + 60_000)).toEqual({ ok: true });
  });

  it('doubles each wait after the first, up to the ceiling', () => {
    const limiter = new SignInLimiter(limits);
    fail(limiter, 'manager', '10.0.0.66', 4);
    const waits = [1, 2, 3, 4, 5, 6].map((n) => {
      const [lock] = limiter.recordFailure('manager', '10.0.0.66', T0);
      return lock ? (lock.until - T0) / 60_000 : n;
    });
    expect(waits).toEqual([1, 2, 4, 8, 15, 15]);
  });

  it('locks a client that tries many accounts, whatever the accounts', () => {
    const limiter = new SignInLimiter(limits);
    const locks = Array.from({ length: 20 }, (_, i) =>
      limiter.recordFailure(`user-${i}`, '10.0.0.66', T0),
    ).flat();
    expect(locks).toEqual([{ scope: 'client', until: T0 + 60_000 }]);
    expect(limiter.check('anyone', '10.0.0.66', T0 + 1)).toMatchObject({ scope: 'client' });
    expect(limiter.check('anyone', '10.0.0.67', T0 + 1)).toEqual({ ok: true });
  });

  it('forgets a pair on success but keeps counting the client', () => {
    const limiter = new SignInLimiter(limits);
    fail(limiter, 'manager', '10.0.0.66', 4);
    fail(limiter, 'staff', '10.0.0.66', 4);
    limiter.recordSuccess('manager', '10.0.0.66');
    expect(limiter.recordFailure('manager', '10.0.0.66', T0)).toEqual([]);
    // 9 failures from that client so far: 11 more lock it, however they sign in between.
    expect(fail(limiter, 'x', '10.0.0.66', 11).map((lock) => lock.scope)).toContain('client');
  });

  it('holds at most its capacity however many ids and addresses are tried', () => {
    const limiter = new SignInLimiter({ ...limits, capacity: 500 });
    for (let i = 0; i < 20_000; i++)
      limiter.recordFailure(`id-${i}`, `10.${i >> 8}.${i & 255}.1`, T0);
    expect(limiter.size()).toBeLessThanOrEqual(1_000);
  });

  it('reads IPv4 addresses that arrive over IPv6 as IPv4', () => {
    expect(clientAddress('::ffff:127.0.0.2')).toBe('127.0.0.2');
    expect(clientAddress('::1')).toBe('::1');
    expect(clientAddress(undefined)).toBe('unknown');
  });
});
