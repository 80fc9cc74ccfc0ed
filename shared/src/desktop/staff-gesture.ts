// How staff ask to leave the app: five quick taps in the top-left corner on a
// touch screen, or Ctrl+Alt+Shift+X on a keyboard. Either only opens the PIN
// pad; leaving still needs the PIN.

export type CornerTapPolicy = { taps: number; withinMs: number; cornerPx: number };

const defaultCornerTapPolicy: CornerTapPolicy = { taps: 5, withinMs: 3_000, cornerPx: 96 };

export class CornerTapDetector {
  private times: number[] = [];

  constructor(private readonly policy: CornerTapPolicy = defaultCornerTapPolicy) {}

  /** Feeds one pointer-down; true when it completes the gesture. */
  tap(x: number, y: number, now: number): boolean {
    const inCorner = x >= 0 && y >= 0 && x <= this.policy.cornerPx && y <= this.policy.cornerPx;
    if (!inCorner) {
      this.times = [];
      return false;
    }
    this.times = this.times.filter((at) => now - at <= this.policy.withinMs);
    this.times.push(now);
    if (this.times.length < this.policy.taps) return false;
    this.times = [];
    return true;
  }
}

/** The subset of Electron's `Input` (before-input-event) that the shell reads. */
export type KeyInput = {
  type: string;
  key: string;
  control: boolean;
  alt: boolean;
  shift: boolean;
  meta: boolean;
};

export function isStaffExitChord(input: KeyInput): boolean {
  return (
    input.type === 'keyDown' &&
    input.control &&
    input.alt &&
    input.shift &&
    input.key.toLowerCase() === 'x'
  );
}
