// Tells a USB keyboard-wedge scanner from a person typing: a scanner types a
// whole code with a few milliseconds between keys and ends it with a suffix
// (Enter by default), optionally after a configured prefix. Characters are
// read by physical key through the layouts we know (physical-keys.ts).
//
// Nothing of a scan may reach a focused search field, not even its first key,
// which cannot be told from a person's keystroke when it arrives: a character
// key aimed at a text field is held back, and handed to the field (`onType`)
// only if no fast key follows it.
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
  /** The first key was kept from a text field: the field is owed the keys if a person typed them. */
  private heldFirst = false;
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
    if (!burst) this.heldFirst = intoTextField;
    if (burst || intoTextField) event.preventDefault();
    this.armTimer();
    return burst || intoTextField;
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
    const keys = this.takeKeys();
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
    this.finish(this.takeKeys());
  }

  private giveBack(): false {
    clearTimeout(this.timer);
    const owed = this.heldFirst;
    const keys = this.takeKeys();
    // A fast burst of a code's length without an ending is a scanner's, not a person's.
    if (keys.length >= this.minLength) this.report('missing-suffix', keys);
    else if (owed && keys.length > 0) this.options.onType?.(keys.map((k) => k.key).join(''));
    return false;
  }

  private takeKeys(): WedgeKey[] {
    const keys = this.keys;
    this.keys = [];
    this.heldFirst = false;
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
