// Sign-in limits that cannot be turned against the people they protect.
// Failures are counted per client address and per (account, client address),
// never per account alone: an attacker hammering the manager's id from one
// address makes that address wait, while the manager still signs in from
// their own tablet. Each wait doubles, up to a ceiling. Both tables are LRU
// caches with a cap, so a flood of made-up ids cannot grow memory.
import { LRUCache } from 'lru-cache';

export type SignInLimits = {
  /** Failures of one account from one client before it must wait. */
  accountFailures: number;
  /** Failures from one client, whatever the accounts, before it must wait. */
  clientFailures: number;
  /** The first wait; each failure after it doubles the next one. */
  firstWaitMs: number;
  maxWaitMs: number;
  /** A quiet client or pair is forgotten after this long without failures. */
  forgetAfterMs: number;
  /** Most entries each table keeps (least recently used go first). */
  capacity: number;
};

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = {
  accountFailures: 5,
  clientFailures: 20,
  firstWaitMs: 60_000,
  maxWaitMs: 15 * 60_000,
  forgetAfterMs: 60 * 60_000,
  capacity: 10_000,
};

type Failures = { count: number; lockedUntil: number };

type SignInScope = 'account' | 'client';
export type SignInCheck = { ok: true } | { ok: false; scope: SignInScope; retryAfterMs: number };
/** A wait that a failure has just started, for the audit. */
export type NewLock = { scope: SignInScope; until: number };

export class SignInLimiter {
  private readonly byClient: LRUCache<string, Failures>;
  private readonly byPair: LRUCache<string, Failures>;

  constructor(private readonly limits: SignInLimits = DEFAULT_SIGN_IN_LIMITS) {
    const options = { max: limits.capacity, ttl: limits.forgetAfterMs };
    this.byClient = new LRUCache<string, Failures>(options);
    this.byPair = new LRUCache<string, Failures>(options);
  }

  /** Whether this account may be tried from this client now. */
  check(account: string, client: string, now = Date.now()): SignInCheck {
    const clientWait = (this.byClient.get(client)?.lockedUntil ?? 0) - now;
    if (clientWait > 0) return { ok: false, scope: 'client', retryAfterMs: clientWait };
    const pairWait = (this.byPair.get(pairKey(account, client))?.lockedUntil ?? 0) - now;
    if (pairWait > 0) return { ok: false, scope: 'account', retryAfterMs: pairWait };
    return { ok: true };
  }

  /** Counts a failed attempt; returns the waits it starts (none, one or both). */
  recordFailure(account: string, client: string, now = Date.now()): NewLock[] {
    const locks: NewLock[] = [];
    const pair = this.count(
      this.byPair,
      pairKey(account, client),
      this.limits.accountFailures,
      now,
    );
    if (pair) locks.push({ scope: 'account', until: pair });
    const whole = this.count(this.byClient, client, this.limits.clientFailures, now);
    if (whole) locks.push({ scope: 'client', until: whole });
    return locks;
  }

  /**
   * A right password clears that account's failures from that client. The
   * client's own count stays: signing in to one's own account between guesses
   * must not buy more guesses at others.
   */
  recordSuccess(account: string, client: string): void {
    this.byPair.delete(pairKey(account, client));
  }

  /** Entries held, for tests and health: never more than twice the capacity. */
  size(): number {
    return this.byClient.size + this.byPair.size;
  }

  private count(
    table: LRUCache<string, Failures>,
    key: string,
    threshold: number,
    now: number,
  ): number | undefined {
    const count = (table.get(key)?.count ?? 0) + 1;
    const over = count - threshold;
    const lockedUntil =
      over >= 0 ? now + Math.min(this.limits.maxWaitMs, this.limits.firstWaitMs * 2 ** over) : 0;
    table.set(key, { count, lockedUntil });
    return lockedUntil || undefined;
  }
}

// A newline cannot appear in a client address, so the key is unambiguous.
const pairKey = (account: string, client: string) => `${client}\n${account}`;

/**
 * The client's address as the socket saw it. X-Forwarded-For is not read: any
 * client can write it. An IPv4 address arriving over IPv6 is written as IPv4.
 */
export function clientAddress(remoteAddress: string | undefined): string {
  if (!remoteAddress) return 'unknown';
  return remoteAddress.startsWith('::ffff:') ? remoteAddress.slice(7) : remoteAddress;
}
