import { describe, expect, it } from 'vitest';
import { WedgeDetector } from './wedge-scanner';

type Key = { code: string; shift?: boolean; at: number };
function press(detector: WedgeDetector, keys: Key[]) {
  let prevented = 0;
  for (const key of keys) {
    detector.handleKey({
      code: key.code,
      shiftKey: key.shift ?? false,
      ctrlKey: false,
      altKey: false,
      metaKey: false,
      timeStamp: key.at,
      preventDefault: () => prevented++,
    });
  }
  return prevented;
}
const typed = (text: string, gapMs: number, start = 1000): Key[] => [
  ...[...text].map((char, i) => ({
    code: /\d/.test(char) ? `Digit${char}` : `Key${char.toUpperCase()}`,
    shift: /[A-Z]/.test(char),
    at: start + i * gapMs,
  })),
  { code: 'Enter', at: start + text.length * gapMs },
];

describe('WedgeDetector', () => {
  it('reads a fast burst ending in Enter by physical key, whatever the layout', () => {
    const scans: string[] = [];
    const detector = new WedgeDetector((code) => scans.push(code));
    const prevented = press(detector, typed('3764100000017', 5));
    expect(scans).toEqual(['3764100000017']);
    // All keys but the first are kept out of focused inputs, and the Enter too.
    expect(prevented).toBe(13);
    press(detector, typed('VTR04817395526', 4, 5000));
    expect(scans.at(-1)).toBe('VTR04817395526');
  });

  it('ignores a person typing the same digits slowly', () => {
    const scans: string[] = [];
    const detector = new WedgeDetector((code) => scans.push(code));
    press(detector, typed('3764100000017', 120));
    expect(scans).toEqual([]);
  });

  it('requires the configured prefix and minimum length', () => {
    const scans: string[] = [];
    const detector = new WedgeDetector((code) => scans.push(code), { prefix: 'X', minLength: 8 });
    press(detector, typed('3764100000017', 5));
    press(detector, typed('X1234', 5, 3000));
    press(detector, typed('X3764100000017', 5, 6000));
    expect(scans).toEqual(['3764100000017']);
  });

  it('can end a scan on a pause when the scanner sends no suffix', async () => {
    const scans: string[] = [];
    const detector = new WedgeDetector((code) => scans.push(code), {
      suffixCode: '',
      maxGapMs: 10,
    });
    press(detector, typed('12345678', 2).slice(0, -1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(scans).toEqual(['12345678']);
  });
});
