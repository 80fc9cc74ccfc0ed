// Leaving the app on purpose: a PIN guess goes through the rate limiter, then
// a constant-time check against the configured hash.
import type { Result } from '../core/parse';
import { PinAttemptLimiter } from './pin-attempts';
import { verifyPin } from './pin';

export class StaffExit {
  constructor(
    private readonly pinHash: string,
    private readonly limiter = new PinAttemptLimiter(),
  ) {}

  attempt(pin: string, now: number): Result<{ exiting: true }> {
    const gate = this.limiter.gate(now);
    if (!gate.allowed) return { ok: false, error: lockedMessage(gate.retryAfterMs) };
    if (verifyPin(pin, this.pinHash)) {
      this.limiter.recordSuccess();
      return { ok: true, value: { exiting: true } };
    }
    const after = this.limiter.recordFailure(now);
    if (!after.allowed) return { ok: false, error: lockedMessage(after.retryAfterMs) };
    return { ok: false, error: 'wrong PIN' };
  }
}

function lockedMessage(retryAfterMs: number): string {
  return `too many wrong PINs; try again in ${Math.ceil(retryAfterMs / 1_000)} s`;
}
