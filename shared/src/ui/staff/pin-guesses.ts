// How many wrong staff PINs a kiosk takes: five, then a wait that doubles at
// each new run of five (1, 2, 4, 8, then 15 minutes), so guessing a 4-digit
// PIN takes weeks, not a day. Staff are never locked out by it: a badge scan
// opens the overlay whatever the pad's wait, and a right PIN resets it.
export const WRONG_PINS_BEFORE_WAIT = 5;
const FIRST_WAIT_MS = 60_000;
const MAX_WAIT_MS = 15 * 60_000;

export type PinGuesses = {
  /** Milliseconds left to wait before the pad takes a PIN again (0: now). */
  waitLeft: (now: number) => number;
  /** Counts a wrong PIN; returns the wait it starts (0 when none). */
  wrong: (now: number) => number;
  right: () => void;
};

export function createPinGuesses(): PinGuesses {
  let wrongInRun = 0;
  let waits = 0;
  let lockedUntil = 0;
  return {
    waitLeft: (now) => Math.max(0, lockedUntil - now),
    wrong: (now) => {
      wrongInRun++;
      if (wrongInRun < WRONG_PINS_BEFORE_WAIT) return 0;
      wrongInRun = 0;
      const wait = Math.min(MAX_WAIT_MS, FIRST_WAIT_MS * 2 ** waits);
      waits++;
      lockedUntil = now + wait;
      return wait;
    },
    right: () => {
      wrongInRun = 0;
      waits = 0;
      lockedUntil = 0;
    },
  };
}
