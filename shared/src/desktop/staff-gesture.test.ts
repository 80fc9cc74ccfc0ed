import { describe, expect, it } from 'vitest';
import { CornerTapDetector, isStaffExitChord } from './staff-gesture';

describe('CornerTapDetector', () => {
  const policy = { taps: 3, withinMs: 1_000, cornerPx: 50 };

  it('fires on enough quick taps in the corner, then starts over', () => {
    const detector = new CornerTapDetector(policy);
    expect(detector.tap(10, 10, 0)).toBe(false);
    expect(detector.tap(20, 5, 300)).toBe(false);
    expect(detector.tap(49, 49, 600)).toBe(true);
    expect(detector.tap(10, 10, 700)).toBe(false);
  });

  it('ignores slow taps', () => {
    const detector = new CornerTapDetector(policy);
    detector.tap(10, 10, 0);
    detector.tap(10, 10, 600);
    expect(detector.tap(10, 10, 1_200)).toBe(false);
    expect(detector.tap(10, 10, 1_300)).toBe(true);
  });

  it('is reset by a tap anywhere else, so a shopper tapping around does not trigger it', () => {
    const detector = new CornerTapDetector(policy);
    detector.tap(10, 10, 0);
    detector.tap(10, 10, 100);
    detector.tap(400, 300, 200);
    expect(detector.tap(10, 10, 300)).toBe(false);
  });
});

describe('isStaffExitChord', () => {
  const base = { type: 'keyDown', key: 'x', control: true, alt: true, shift: true, meta: false };

  it('matches Ctrl+Alt+Shift+X on key down only', () => {
    expect(isStaffExitChord(base)).toBe(true);
    expect(isStaffExitChord({ ...base, key: 'X' })).toBe(true);
    expect(isStaffExitChord({ ...base, type: 'keyUp' })).toBe(false);
    expect(isStaffExitChord({ ...base, shift: false })).toBe(false);
    expect(isStaffExitChord({ ...base, key: 'q' })).toBe(false);
  });
});
