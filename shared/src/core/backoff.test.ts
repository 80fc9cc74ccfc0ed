import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import {
  backOffReconnects,
  backoff,
  pause,
  retry,
  waitAfterFailures,
  type Timers,
} from './backoff';

/** A clock that only moves when the test says so. */
function fakeTimers() {
  let now = 0;
  const due = new Map<number, { at: number; run: () => void }>();
  let next = 0;
  const timers: Timers = {
    setTimeout: (run, ms) => {
      due.set(++next, { at: now + ms, run });
      return next;
    },
    clearTimeout: (handle) => void due.delete(handle as number),
  };
  const advance = (ms: number) => {
    now += ms;
    for (const [id, timer] of [...due].sort((a, b) => a[1].at - b[1].at)) {
      if (timer.at > now) continue;
      due.delete(id);
      timer.run();
    }
  };
  return { timers, advance, pending: () => [...due.values()].map((timer) => timer.at - now) };
}
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('backoff', () => {
  const policy = { firstMs: 1_000, maxMs: 8_000 };

  it('doubles the ceiling up to the cap, drawing each wait below it', () => {
    const ceilings = backoff(policy, () => 0.999_999);
    expect(Array.from({ length: 6 }, () => ceilings.next())).toEqual([
      1_000, 2_000, 4_000, 8_000, 8_000, 8_000,
    ]);
    const halves = backoff(policy, () => 0.5);
    expect([halves.next(), halves.next(), halves.next()]).toEqual([500, 1_000, 2_000]);
    expect(halves.attempts).toBe(3);
  });

  it('gives the same wait for a failure count kept elsewhere (a queue in a database)', () => {
    const floored = { ...policy, floorMs: 500 };
    const run = backoff(floored, () => 0.999_999);
    for (let failures = 1; failures <= 6; failures++)
      expect(waitAfterFailures(floored, failures, () => 0.999_999)).toBe(run.next());
    expect(waitAfterFailures(floored, 1_000, () => 0)).toBe(500);
  });

  it('starts over after a reset', () => {
    const waits = backoff(policy, () => 0.5);
    waits.next();
    waits.next();
    waits.reset();
    expect(waits.attempts).toBe(0);
    expect(waits.next()).toBe(500);
  });

  it('draws full jitter above the floor', () => {
    const low = backoff({ ...policy, floorMs: 250 }, () => 0);
    expect([low.next(), low.next()]).toEqual([250, 250]);
    const high = backoff({ ...policy, floorMs: 250 }, () => 0.999_999);
    expect([high.next(), high.next()]).toEqual([1_000, 2_000]);
  });

  it('spreads devices that failed together (real random)', () => {
    const firstWaits = Array.from({ length: 200 }, () => backoff(policy).next());
    expect(Math.min(...firstWaits)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...firstWaits)).toBeLessThanOrEqual(1_000);
    expect(new Set(firstWaits).size).toBeGreaterThan(100);
  });
});

describe('pause', () => {
  it('resolves after the time, or at once when aborted', async () => {
    const clock = fakeTimers();
    let done = false;
    void pause(500, undefined, clock.timers).then(() => (done = true));
    clock.advance(499);
    await settle();
    expect(done).toBe(false);
    clock.advance(1);
    await settle();
    expect(done).toBe(true);

    const stop = new AbortController();
    let stopped = false;
    void pause(10_000, stop.signal, clock.timers).then(() => (stopped = true));
    stop.abort();
    await settle();
    expect(stopped).toBe(true);
    expect(clock.pending()).toEqual([]);
  });
});

describe('retry', () => {
  it('tries again after growing waits until the task succeeds', async () => {
    const clock = fakeTimers();
    const tried: number[] = [];
    const result = retry(
      (attempt) => {
        tried.push(attempt);
        return attempt < 3 ? Promise.reject(new Error('down')) : Promise.resolve('up');
      },
      { policy: { firstMs: 100, maxMs: 1_000 }, random: () => 0.5, timers: clock.timers },
    );
    await settle();
    expect(clock.pending()).toEqual([50]);
    clock.advance(50);
    await settle();
    expect(clock.pending()).toEqual([100]);
    clock.advance(100);
    await expect(result).resolves.toBe('up');
    expect(tried).toEqual([1, 2, 3]);
  });

  it('gives up after the attempts, or at once on an error not worth retrying', async () => {
    const clock = fakeTimers();
    const failing = retry(() => Promise.reject(new Error('still down')), {
      policy: { firstMs: 10, maxMs: 10 },
      attempts: 2,
      random: () => 0,
      timers: clock.timers,
    });
    await settle();
    clock.advance(0);
    await expect(failing).rejects.toThrow('still down');

    let calls = 0;
    const refused = retry(
      () => {
        calls += 1;
        return Promise.reject(new Error('refused'));
      },
      { policy: { firstMs: 10, maxMs: 10 }, retryIf: () => false },
    );
    await expect(refused).rejects.toThrow('refused');
    expect(calls).toBe(1);
  });

  it('stops with the signal', async () => {
    const clock = fakeTimers();
    const stop = new AbortController();
    const run = retry(() => Promise.reject(new Error('down')), {
      policy: { firstMs: 1_000, maxMs: 1_000 },
      signal: stop.signal,
      timers: clock.timers,
    });
    await settle();
    stop.abort(new Error('unmounted'));
    await expect(run).rejects.toThrow('unmounted');
  });
});

describe('backOffReconnects', () => {
  it("sets each wait of mqtt.js's own reconnect timer, starting over once connected", () => {
    const client = Object.assign(new EventEmitter(), { options: { reconnectPeriod: 1_000 } });
    backOffReconnects(client, { firstMs: 1_000, maxMs: 4_000, floorMs: 250 }, () => 0.999_999);
    const periods = [client.options.reconnectPeriod];
    for (let i = 0; i < 3; i++) {
      client.emit('reconnect');
      periods.push(client.options.reconnectPeriod);
    }
    client.emit('connect');
    periods.push(client.options.reconnectPeriod);
    expect(periods).toEqual([1_000, 2_000, 4_000, 4_000, 1_000]);
  });
});
