// Tells a USB keyboard-wedge scanner from a person typing: a scanner types a
// whole code with a few milliseconds between keys and ends it with a suffix
// (Enter by default), optionally after a configured prefix. Characters are
// read by physical key so any keyboard layout yields the right code.
import { characterOfKey } from './physical-keys';

export type WedgeOptions = {
  /** Longest gap between two keys of one scan. Scanners: 2–20 ms; people: 80+ ms. */
  maxGapMs?: number;
  /** Shortest code accepted (EAN-8 is 8). */
  minLength?: number;
  /** Characters the scanner sends before the code (configured on the scanner). */
  prefix?: string;
  /** Physical key that ends a scan: "Enter", "Tab", or "" to end on a pause. */
  suffixCode?: string;
  /** Clock, for tests. */
  now?: () => number;
};

type KeyLike = Pick<KeyboardEvent, 'code' | 'shiftKey' | 'ctrlKey' | 'altKey' | 'metaKey'> & {
  timeStamp: number;
  preventDefault: () => void;
};

export class WedgeDetector {
  private buffer = '';
  private lastAt = -Infinity;
  private pauseTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly maxGapMs: number;
  private readonly minLength: number;
  private readonly prefix: string;
  private readonly suffixCode: string;

  constructor(
    private readonly onScan: (code: string) => void,
    options: WedgeOptions = {},
  ) {
    this.maxGapMs = options.maxGapMs ?? 40;
    this.minLength = options.minLength ?? 6;
    this.prefix = options.prefix ?? '';
    this.suffixCode = options.suffixCode ?? 'Enter';
  }

  /** Feed every keydown; returns true when the key was consumed as part of a scan. */
  handleKey(event: KeyLike): boolean {
    if (event.ctrlKey || event.altKey || event.metaKey) return this.reset();
    const gap = event.timeStamp - this.lastAt;
    this.lastAt = event.timeStamp;
    if (gap > this.maxGapMs) this.buffer = '';
    const burst = this.buffer.length > 0;

    if (this.suffixCode && event.code === this.suffixCode) {
      const done = burst && this.finish();
      if (done) event.preventDefault();
      return done;
    }
    const char = characterOfKey(event.code, event.shiftKey);
    if (char === undefined) {
      if (event.code.startsWith('Shift')) return false;
      return this.reset();
    }
    this.buffer += char;
    if (!this.suffixCode) this.armPauseEnd();
    // From the second fast key on, it is a scanner: keep its keys out of inputs.
    if (burst) event.preventDefault();
    return burst;
  }

  dispose(): void {
    clearTimeout(this.pauseTimer);
  }

  private finish(): boolean {
    let code = this.buffer;
    this.buffer = '';
    if (this.prefix) {
      if (!code.startsWith(this.prefix)) return false;
      code = code.slice(this.prefix.length);
    }
    if (code.length < this.minLength) return false;
    this.onScan(code);
    return true;
  }

  private armPauseEnd(): void {
    clearTimeout(this.pauseTimer);
    this.pauseTimer = setTimeout(() => void this.finish(), this.maxGapMs * 2);
  }

  private reset(): false {
    this.buffer = '';
    return false;
  }
}

/** Listens on a window (capture phase, before inputs see the keys). Returns a stop function. */
export function listenForWedgeScans(
  target: Pick<Window, 'addEventListener' | 'removeEventListener'>,
  onScan: (code: string) => void,
  options?: WedgeOptions,
): () => void {
  const detector = new WedgeDetector(onScan, options);
  const onKey = (event: KeyboardEvent) => {
    if (!event.repeat) detector.handleKey(event);
  };
  target.addEventListener('keydown', onKey, true);
  return () => {
    target.removeEventListener('keydown', onKey, true);
    detector.dispose();
  };
}
