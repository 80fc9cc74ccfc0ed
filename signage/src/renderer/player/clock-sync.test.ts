import { describe, expect, it } from 'vitest';
import { estimateOffset, offsetFromSamples, type Clock } from './clock-sync';

/** A player whose wall clock is `skewMs` off the server's, with a given delay per leg. */
function fakeNetwork(skewMs: number, legs: [number, number][]) {
  let trueTime = 1_000_000;
  const clock: Clock = { wall: () => trueTime + skewMs, mono: () => trueTime };
  let call = 0;
  const serverTime = () => {
    const [out, back] = legs[call++ % legs.length]!;
    trueTime += out;
    const answer = trueTime;
    trueTime += back;
    return Promise.resolve(answer);
  };
  return { clock, serverTime };
}

describe('NTP-style clock offset', () => {
  it('recovers a skew exactly over a symmetric path', async () => {
    const { clock, serverTime } = fakeNetwork(-1_500, [[3, 3]]);
    expect(await estimateOffset(serverTime, clock, 4)).toBe(1_500);
  });

  it('trusts the sample with the shortest round trip', async () => {
    // Queueing on the way out (40 ms) biases a sample by 20 ms; the quick one is exact.
    const { clock, serverTime } = fakeNetwork(900, [
      [40, 2],
      [2, 2],
      [2, 30],
    ]);
    expect(await estimateOffset(serverTime, clock, 3)).toBe(-900);
  });

  it('keeps the samples it has when the server goes away, null with none', async () => {
    const { clock } = fakeNetwork(250, [[1, 1]]);
    let calls = 0;
    const flaky = () =>
      calls++ === 0 ? Promise.resolve(1_000_000) : Promise.reject(new Error('down'));
    expect(await estimateOffset(flaky, clock, 8)).toBe(-250);
    expect(await estimateOffset(() => Promise.reject(new Error('down')), clock)).toBeNull();
    expect(offsetFromSamples([])).toBeNull();
  });
});
