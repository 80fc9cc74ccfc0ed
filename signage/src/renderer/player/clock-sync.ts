// NTP-style clock offset against the store server, free of DOM and fetch so
// the player, the tests and the benchmarks run this very code with any clock.
// Each sample notes our wall clock when asking, the server's answer, and the
// round trip on a monotonic clock; the sample with the shortest round trip
// has the least queueing in it, so the smallest error.

export type Clock = { wall: () => number; mono: () => number };
export const systemClock: Clock = { wall: () => Date.now(), mono: () => performance.now() };

export type ClockSample = { sentWall: number; rttMs: number; serverTime: number };

/** offset = server time − our time at the middle of the round trip (best sample). */
export function offsetFromSamples(samples: readonly ClockSample[]): number | null {
  let best: ClockSample | null = null;
  for (const sample of samples) if (!best || sample.rttMs < best.rttMs) best = sample;
  return best ? best.serverTime - (best.sentWall + best.rttMs / 2) : null;
}

/**
 * Asks the server's time `count` times in a row; a failed sample ends the
 * round (offline: keep what we have). Null when no sample came back.
 */
export async function estimateOffset(
  serverTime: () => Promise<number | null>,
  clock: Clock = systemClock,
  count = 8,
): Promise<number | null> {
  const samples: ClockSample[] = [];
  for (let i = 0; i < count; i++) {
    const sentWall = clock.wall();
    const sentMono = clock.mono();
    let answer: number | null;
    try {
      answer = await serverTime();
    } catch {
      break;
    }
    if (answer === null) continue;
    samples.push({ sentWall, rttMs: clock.mono() - sentMono, serverTime: answer });
  }
  return offsetFromSamples(samples);
}
