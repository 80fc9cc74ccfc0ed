import { describe, expect, it } from 'vitest';
import { hashPin } from './pin';
import { PinAttemptLimiter } from './pin-attempts';
import { StaffExit } from './staff-exit';

describe('StaffExit', () => {
  const pinHash = hashPin('271828');
  const limiter = () =>
    new PinAttemptLimiter({
      maxFailures: 2,
      windowMs: 60_000,
      lockoutMs: 30_000,
      maxLockoutMs: 60_000,
    });

  it('lets staff out with the right PIN', () => {
    expect(new StaffExit(pinHash, limiter()).attempt('271828', 0)).toEqual({
      ok: true,
      value: { exiting: true },
    });
  });

  it('says wrong PIN, then locks, and refuses even the right PIN while locked', () => {
    const exit = new StaffExit(pinHash, limiter());
    expect(exit.attempt('000000', 0)).toEqual({ ok: false, error: 'wrong PIN' });
    expect(exit.attempt('000001', 1_000)).toEqual({
      ok: false,
      error: 'too many wrong PINs; try again in 30 s',
    });
    expect(exit.attempt('271828', 2_000)).toEqual({
      ok: false,
      error: 'too many wrong PINs; try again in 29 s',
    });
    expect(exit.attempt('271828', 31_000)).toEqual({ ok: true, value: { exiting: true } });
  });
});
