// Rate limit on staff PIN guesses: a shopper with time on their hands must not
// be able to try all PINs. After `maxFailures` wrong guesses inside `windowMs`
// the pad locks, and each further lockout lasts twice as long (capped).

export type PinAttemptPolicy = {
  maxFailures: number;
  windowMs: number;
  lockoutMs: number;
  maxLockoutMs: number;
};

const defaultPinAttemptPolicy: PinAttemptPolicy = {
  maxFailures: 5,
  windowMs: 5 * 60_000,
  lockoutMs: 60_000,
  maxLockoutMs: 60 * 60_000,
};

export type AttemptGate = { allowed: true } | { allowed: false; retryAfterMs: number };

export class PinAttemptLimiter {
  private failures: number[] = [];
  private lockedUntil = 0;
  private lockouts = 0;

  constructor(private readonly policy: PinAttemptPolicy = defaultPinAttemptPolicy) {}

  /** Asks before checking a guess; a locked pad does not even look at the PIN. */
  gate(now: number): AttemptGate {
    if (now < this.lockedUntil) return { allowed: false, retryAfterMs: this.lockedUntil - now };
    return { allowed: true };
  }

  recordFailure(now: number): AttemptGate {
    this.failures = this.failures.filter((at) => now - at < this.policy.windowMs);
    this.failures.push(now);
    if (this.failures.length >= this.policy.maxFailures) {
      const duration = Math.min(
        this.policy.lockoutMs * 2 ** this.lockouts,
        this.policy.maxLockoutMs,
      );
      this.lockouts += 1;
      this.lockedUntil = now + duration;
      this.failures = [];
    }
    return this.gate(now);
  }

  recordSuccess(): void {
    this.failures = [];
    this.lockouts = 0;
    this.lockedUntil = 0;
  }
}
