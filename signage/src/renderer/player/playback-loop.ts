// When the player looks at its engine again: at the exact moment the next item
// of any zone is due (on the server-aligned clock), and at least every
// `maxWaitMs` (new campaigns, schedules turning on). A fixed 100 ms tick would
// start items up to 100 ms late and screens of a sync group up to 100 ms apart.
import type { Frame } from './player-engine';

const MAX_WAIT_MS = 100;

/** Milliseconds until the earliest item change in the frame, capped by `maxWaitMs`. */
export function msUntilNextChange(frame: Frame, now: number, maxWaitMs = MAX_WAIT_MS): number {
  if (frame.mode === 'default') return maxWaitMs;
  let wait = maxWaitMs;
  for (const zone of frame.zones) wait = Math.min(wait, zone.current.endsAt - now);
  return Math.max(0, wait);
}

export type Scheduler = {
  setTimeout: (run: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
};
const realTimers: Scheduler = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Calls `step` (which ticks the engine and returns its frame and the aligned
 * time it used) again when the next change is due. Returns a stop function.
 */
export function startPlaybackLoop(
  step: () => { frame: Frame; now: number },
  timers: Scheduler = realTimers,
  maxWaitMs = MAX_WAIT_MS,
): () => void {
  let handle: unknown;
  let stopped = false;
  const run = () => {
    if (stopped) return;
    const { frame, now } = step();
    // +1 ms: a timer may fire a fraction early on a coarse clock; landing just
    // after the boundary starts the item at once instead of a second wake-up.
    const wait = msUntilNextChange(frame, now, maxWaitMs);
    handle = timers.setTimeout(run, wait < maxWaitMs ? wait + 1 : wait);
  };
  run();
  return () => {
    stopped = true;
    timers.clearTimeout(handle);
  };
}
