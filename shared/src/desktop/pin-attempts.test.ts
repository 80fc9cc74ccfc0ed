import { describe, expect, it } from 'vitest';
import { PinAttemptLimiter } from './pin-attempts';

const policy = { maxFailures: 3, windowMs: 60_000, lockoutMs: 10_000, maxLockoutMs: 25_000 };

describe('PinAttemptLimiter', () => {
  it('locks after too many failures inside the window', () => {
    const limiter = new PinAttemptLimiter(policy);
    expect(limiter.recordFailure(0)).toEqual({ allowed: true });
    expect(limiter.recordFailure(1_000)).toEqual({ allowed: true });
    expect(limiter.recordFailure(2_000)).toEqual({ allowed: false, retryAfterMs: 10_000 });
    expect(limiter.gate(11_999)).toEqual({ allowed: false, retryAfterMs: 1 });
    expect(limiter.gate(12_000)).toEqual({ allowed: true });
  });

  it('forgets failures older than the window', () => {
    const limiter = new PinAttemptLimiter(policy);
    limiter.recordFailure(0);
    limiter.recordFailure(1_000);
    expect(limiter.recordFailure(61_500)).toEqual({ allowed: true });
  });

  it('doubles each lockout up to the cap', () => {
    const limiter = new PinAttemptLimiter(policy);
    const lockAt = (start: number) => {
      limiter.recordFailure(start);
      limiter.recordFailure(start + 1);
      return limiter.recordFailure(start + 2);
    };
    expect(lockAt(0)).toEqual({ allowed: false, retryAfterMs: 10_000 });
    expect(lockAt(100_000)).toEqual({ allowed: false, retryAfterMs: 20_000 });
    expect(lockAt(200_000)).toEqual({ allowed: false, retryAfterMs: 25_000 });
  });

  it('starts afresh after a right PIN', () => {
    const limiter = new PinAttemptLimiter(policy);
    limiter.recordFailure(0);
    limiter.recordFailure(1);
    limiter.recordSuccess();
    expect(limiter.recordFailure(2)).toEqual({ allowed: true });
    expect(limiter.recordFailure(3)).toEqual({ allowed: true });
  });
});
