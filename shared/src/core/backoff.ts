// One way to wait before trying again: exponential backoff with full jitter
// (a random wait between the floor and a ceiling that doubles up to a cap), so
// a store's screens cut by the same server restart do not all come back in the
// same second. Pure and timer-injectable: the tests drive it without waiting.

export type BackoffPolicy = {
  /** The ceiling of the first wait. */
  firstMs: number;
  /** The ceiling never grows past this. */
  maxMs: number;
  /** No wait is shorter than this (a reconnect period of 0 means "never" to mqtt.js). */
  floorMs?: number;
};

/** The waits of one run of attempts; `reset()` after a success starts over. */
export type Backoff = {
  /** The next wait, ms: growing ceilings, each drawn at random below its ceiling. */
  next: () => number;
  reset: () => void;
  /** Failed attempts since the last reset. */
  readonly attempts: number;
};

/**
 * The wait after the `failures`-th failure in a row (1: the first), for callers
 * that keep the count themselves, e.g. a queue of downloads in a database.
 */
export function waitAfterFailures(
  policy: BackoffPolicy,
  failures: number,
  random: () => number = Math.random,
): number {
  const floor = policy.floorMs ?? 0;
  const ceiling = Math.min(policy.maxMs, policy.firstMs * 2 ** Math.max(0, failures - 1));
  return Math.round(floor + random() * Math.max(0, ceiling - floor));
}

/** `random` returns [0, 1) like Math.random; tests pass their own. */
export function backoff(policy: BackoffPolicy, random: () => number = Math.random): Backoff {
  let attempts = 0;
  return {
    next: () => {
      attempts += 1;
      return waitAfterFailures(policy, attempts, random);
    },
    reset: () => {
      attempts = 0;
    },
    get attempts() {
      return attempts;
    },
  };
}

export type Timers = {
  setTimeout: (run: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
};
const realTimers: Timers = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Waits `ms`, or less when `signal` aborts; never rejects. */
export function pause(ms: number, signal?: AbortSignal, timers: Timers = realTimers) {
  return new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      timers.clearTimeout(handle);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const handle = timers.setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

export type RetryOptions = {
  policy: BackoffPolicy;
  /** Tries in all, the first included; unbounded by default. */
  attempts?: number;
  /** Whether an error is worth another try (default: every error). */
  retryIf?: (error: unknown) => boolean;
  /** Stops waiting and rejects with the signal's reason. */
  signal?: AbortSignal;
  random?: () => number;
  timers?: Timers;
};

/** Runs `task` until it resolves, waiting a backoff between failures. */
export async function retry<T>(
  task: (attempt: number) => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  const waits = backoff(options.policy, options.random);
  const limit = options.attempts ?? Infinity;
  for (let attempt = 1; ; attempt++) {
    options.signal?.throwIfAborted();
    try {
      return await task(attempt);
    } catch (error) {
      if (attempt >= limit || !(options.retryIf?.(error) ?? true)) throw error;
    }
    await pause(waits.next(), options.signal, options.timers);
  }
}

/** The part of an mqtt.js client that reconnecting needs (core cannot import mqtt). */
export type ReconnectingClient = {
  options: { reconnectPeriod?: number };
  on: (event: 'connect' | 'reconnect', listener: () => void) => unknown;
};

/**
 * mqtt.js reconnects on its own timer, every `reconnectPeriod`, and reads that
 * period each time a connection closes. Each attempt sets the wait after it
 * from `policy`, and a connection starts the waits over.
 */
export function backOffReconnects(
  client: ReconnectingClient,
  policy: BackoffPolicy,
  random?: () => number,
): void {
  const waits = backoff(policy, random);
  const setNext = () => {
    client.options.reconnectPeriod = waits.next();
  };
  setNext();
  client.on('connect', () => {
    waits.reset();
    setNext();
  });
  client.on('reconnect', setNext);
}

/**
 * Reconnects of a screen's or an expert's link to its store server: a restart
 * brings them back spread over seconds rather than in one burst; capped at 4 s
 * because a store has tens of screens, not thousands, and a screen should be
 * live again within seconds of its store server.
 */
export const STORE_LINK_RECONNECT: BackoffPolicy = { firstMs: 1_000, maxMs: 4_000, floorMs: 250 };
