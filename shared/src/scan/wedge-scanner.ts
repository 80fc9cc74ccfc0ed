// Tells a USB keyboard-wedge scanner from a person typing: a scanner types a
// whole code with a few milliseconds between keys and ends it with a suffix
// (Enter by default), optionally after a configured prefix. Characters are
// read by physical key through the layouts we know (physical-keys.ts).
//
// A person's key typed into a text field goes in at once: holding it until we
// knew it was no scanner's cost every keystroke ~120 ms (docs/decisions/
// 15-device-bench.md). The first key of a scan cannot be told from a person's
// when it arrives, so it goes in too, and when the burst turns out to be a
// scan (or a scanner's problem) the field is put back exactly as it was before
// that key (`saveField`). The burst's later keys are kept from the field and
// handed to it (`onType`) only if they were a fast typist's.
import { readWedgeKeys, type WedgeKey, type WedgeLayout } from './physical-keys';
import type { ScannerProblem } from './scanner-diagnostics';

export type WedgeOptions = {
  /** Longest gap between two keys of one scan. Scanners: 2–20 ms; people: 80+ ms. */
  maxGapMs?: number;
  /** Shortest code accepted (EAN-8 is 8). */
  minLength?: number;
  /** Characters the scanner sends before the code (configured on the scanner). */
  prefix?: string;
  /** Physical key that ends a scan: "Enter", "Tab", or "" to end on a pause. */
  suffixCode?: string;
  /** The scanner's keyboard layout when known; otherwise each known layout is tried. */
  layout?: WedgeLayout;
  /** Characters held back from a text field that turned out to be typed by a person. */
  onType?: (text: string) => void;
  /**
   * Called as the first key of a possible burst goes into a text field, before
   * it does: returns what puts the field back as it is now, called if the
   * burst turns out to be a scanner's.
   */
  saveField?: () => (() => void) | undefined;
  /** A burst that was a scanner's but could not be read: for staff, never a product. */
  onProblem?: (problem: ScannerProblem) => void;
};

type KeyLike = Pick<
  KeyboardEvent,
  'code' | 'key' | 'shiftKey' | 'ctrlKey' | 'altKey' | 'metaKey'
> & {
  timeStamp: number;
  preventDefault: () => void;
};

const ENDING_KEYS = new Set(['Enter', 'NumpadEnter', 'Tab']);

/**
 * How long a code-length burst waits, by the clock, for its ending key once
 * the pause timer ran. Whether that key belongs to the burst is then judged by
 * its own timestamp: a busy page can deliver it after the timer, on time.
 */
const LATE_ENDING_MS = 1_000;

export class WedgeDetector {
  private keys: WedgeKey[] = [];
  /** The first key went into a text field: the field is owed the rest if a person typed them,
   * and is put back as it was (`restoreField`) if a scanner did. */
  private typedFirst = false;
  private restoreField: (() => void) | undefined;
  private lastAt = -Infinity;
  /** The pause timer ran once for this burst and is now waiting for a late ending key. */
  private waitedLate = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly maxGapMs: number;
  private readonly minLength: number;
  private readonly prefix: string;
  private readonly suffixCode: string;

  constructor(
    private readonly onScan: (code: string) => void,
    private readonly options: WedgeOptions = {},
  ) {
    this.maxGapMs = options.maxGapMs ?? 40;
    this.minLength = options.minLength ?? 6;
    this.prefix = options.prefix ?? '';
    this.suffixCode = options.suffixCode ?? 'Enter';
  }

  /**
   * Feed every keydown; `intoTextField` says whether it would type into a
   * field. Returns true when the key was kept from the page.
   */
  handleKey(event: KeyLike, intoTextField = false): boolean {
    if (event.ctrlKey || event.altKey || event.metaKey) return this.giveBack();
    const gap = event.timeStamp - this.lastAt;
    this.lastAt = event.timeStamp;
    if (gap > this.maxGapMs) this.giveBack();
    const burst = this.keys.length > 0;

    if (ENDING_KEYS.has(event.code) || (this.suffixCode && event.code === this.suffixCode)) {
      const consumed = burst && this.endBurst(event.code);
      if (consumed) event.preventDefault();
      return consumed;
    }
    if (event.key.length !== 1) {
      // Shift is part of a scan; any other key (Backspace, arrows) is a person's.
      if (event.key === 'Shift') return false;
      return this.giveBack();
    }
    this.keys.push({ code: event.code, shift: event.shiftKey, key: event.key });
    if (!burst && intoTextField) {
      this.typedFirst = true;
      this.restoreField = this.options.saveField?.();
    }
    if (burst) event.preventDefault();
    this.armTimer();
    return burst;
  }

  /** Hands held characters back to the field now (a repeat key, the page losing focus). */
  flush(): void {
    this.giveBack();
  }

  dispose(): void {
    clearTimeout(this.timer);
  }

  /** True when the ending key belonged to a scanner's burst (then it is kept from the page). */
  private endBurst(endingCode: string): boolean {
    clearTimeout(this.timer);
    if (this.keys.length < this.minLength) {
      // Too short for a code: a person's keys, then their Enter or Tab.
      this.giveBack();
      return false;
    }
    const keys = this.takeScannerKeys();
    if (endingCode === this.suffixCode) this.finish(keys);
    else this.report('wrong-suffix', keys, endingCode);
    return true;
  }

  private finish(keys: WedgeKey[]): void {
    const reading = readWedgeKeys(keys, this.options.layout);
    if (!reading.ok) {
      if (keys.length >= this.minLength) this.report('unknown-layout', keys);
      return;
    }
    if (this.prefix && !reading.text.startsWith(this.prefix)) {
      this.report('prefix-mismatch', keys);
      return;
    }
    const code = reading.text.slice(this.prefix.length);
    if (code.length < this.minLength) return;
    this.onScan(code);
  }

  private armTimer(): void {
    clearTimeout(this.timer);
    // Generous: a busy page may run this late, and an early end cuts a scan in two.
    this.timer = setTimeout(() => this.onPause(), this.maxGapMs * 3);
  }

  /** Keys stopped coming: a person typing, a scan without suffix, or a scanner missing its suffix. */
  private onPause(): void {
    if (this.suffixCode && this.keys.length >= this.minLength && !this.waitedLate) {
      // Nothing is owed to a field for a burst this long: waiting costs the shopper nothing.
      this.waitedLate = true;
      this.timer = setTimeout(() => this.onPause(), LATE_ENDING_MS);
      return;
    }
    if (this.suffixCode || this.keys.length < this.minLength) return void this.giveBack();
    this.finish(this.takeScannerKeys());
  }

  private giveBack(): false {
    clearTimeout(this.timer);
    // A fast burst of a code's length without an ending is a scanner's, not a person's.
    if (this.keys.length >= this.minLength) {
      this.report('missing-suffix', this.takeScannerKeys());
      return false;
    }
    const owed = this.typedFirst;
    const keys = this.takeKeys();
    // The first key is in the field already; the ones after it were held.
    const held = keys.slice(1);
    if (owed && held.length > 0) this.options.onType?.(held.map((k) => k.key).join(''));
    return false;
  }

  /** The burst was a scanner's: its first key leaves the field it went into. */
  private takeScannerKeys(): WedgeKey[] {
    const restore = this.restoreField;
    const keys = this.takeKeys();
    restore?.();
    return keys;
  }

  private takeKeys(): WedgeKey[] {
    const keys = this.keys;
    this.keys = [];
    this.typedFirst = false;
    this.restoreField = undefined;
    this.waitedLate = false;
    return keys;
  }

  private report(kind: ScannerProblem['kind'], keys: WedgeKey[], endedWith?: string): void {
    this.options.onProblem?.({
      kind,
      typed: keys.map((k) => k.key).join(''),
      keys: keys.length,
      ...(endedWith ? { endedWith } : {}),
      expectedSuffix: this.suffixCode,
    });
  }
}
