import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ScannerProblem } from './scanner-diagnostics';
import { WedgeDetector, type WedgeOptions } from './wedge-scanner';

type Key = { code: string; key: string; shift?: boolean; at: number };
const FR_DIGITS = 'à&é"\'(-è_ç';

/** Key presses as a scanner in `scanner` layout makes them on a PC in `os` layout. */
function scan(text: string, scanner: 'us' | 'fr', os: 'us' | 'fr', gapMs = 5, start = 1000): Key[] {
  const keys = [...text].map((char, i): Key => {
    const at = start + i * gapMs;
    if (/\d/.test(char)) {
      const shift = scanner === 'fr'; // AZERTY digits need Shift
      const key =
        os === 'fr'
          ? shift
            ? char
            : FR_DIGITS[Number(char)]!
          : shift
            ? ')!@#$%^&*('[Number(char)]!
            : char;
      return { code: `Digit${char}`, key, shift, at };
    }
    const upper = char.toUpperCase();
    const swap: Record<string, string> = { A: 'Q', Q: 'A', Z: 'W', W: 'Z' };
    // The scanner presses the key that gives `char` in its layout; the OS reads that key in its own.
    const code = `Key${scanner === 'fr' ? (swap[upper] ?? upper) : upper}`;
    const keyChar = scanner === os ? char : (swap[upper] ?? upper);
    const shift = char === upper;
    return { code, key: shift ? keyChar.toUpperCase() : keyChar.toLowerCase(), shift, at };
  });
  return [...keys, { code: 'Enter', key: 'Enter', at: start + text.length * gapMs }];
}

const keyEvent = (key: Key) => ({
  code: key.code,
  key: key.key,
  shiftKey: key.shift ?? false,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  timeStamp: key.at,
});

function run(keys: Key[], options: WedgeOptions = {}, intoTextField = false) {
  const scans: string[] = [];
  const problems: ScannerProblem[] = [];
  /** The focused field, as the page would have it: what a key not kept from it types. */
  const field = { value: 'vin', saved: 0, restored: 0 };
  const detector = new WedgeDetector((code) => scans.push(code), {
    ...options,
    onType: (text) => (field.value += text),
    saveField: () => {
      field.saved++;
      const before = field.value;
      return () => {
        field.restored++;
        field.value = before;
      };
    },
    onProblem: (problem) => problems.push(problem),
  });
  let prevented = 0;
  for (const key of keys) {
    let kept = false;
    detector.handleKey(
      {
        ...keyEvent(key),
        preventDefault: () => {
          kept = true;
          prevented++;
        },
      },
      intoTextField,
    );
    if (intoTextField && !kept && key.key.length === 1) field.value += key.key;
  }
  const typed = () => field.value;
  return { scans, typed, field, problems, prevented, detector };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('WedgeDetector', () => {
  it.each([
    ['us', 'us'],
    ['us', 'fr'],
    ['fr', 'fr'],
    ['fr', 'us'],
  ] as const)('reads a %s scanner on a %s PC', (scanner, os) => {
    expect(run(scan('3764100000017', scanner, os)).scans).toEqual(['3764100000017']);
    expect(run(scan('VTR04817395526', scanner, os)).scans).toEqual(['VTR04817395526']);
    expect(run(scan('QAZW12345', scanner, os)).scans).toEqual(['QAZW12345']);
  });

  it.each([
    ['us', 'fr'],
    ['fr', 'fr'],
    ['us', 'us'],
  ] as const)(
    'leaves a focused text field as it was after a %s scanner’s scan on a %s PC, and reads the scan',
    (scanner, os) => {
      const { scans, typed, field, prevented } = run(scan('3764100000017', scanner, os), {}, true);
      expect(scans).toEqual(['3764100000017']);
      // The first digit went in at once (it could have been a person's); the field is put back.
      expect(field.saved).toBe(1);
      expect(field.restored).toBe(1);
      expect(typed()).toBe('vin');
      expect(prevented).toBe(13); // the 12 digits after the first, and the Enter
    },
  );

  it('types a person’s keys into the field at once, holding none', () => {
    vi.useFakeTimers();
    const person = scan('chaussures', 'fr', 'fr', 150).slice(0, -1);
    const { scans, typed, prevented, field, detector } = run(person, {}, true);
    expect(prevented).toBe(0);
    expect(typed()).toBe('vinchaussures'); // before any timer ran
    vi.advanceTimersByTime(500);
    expect(scans).toEqual([]);
    expect(field.restored).toBe(0);
    expect(typed()).toBe('vinchaussures');
    detector.dispose();
  });

  it('lets a person’s Enter through after a quick short word', () => {
    const { typed, prevented, field } = run(scan('vin', 'fr', 'fr', 10), {}, true);
    expect(typed()).toBe('vinvin');
    expect(prevented).toBe(2); // the two letters after the first, handed back; not the Enter
    expect(field.restored).toBe(0);
  });

  it('ignores a person typing the same digits slowly outside a field', () => {
    expect(run(scan('3764100000017', 'us', 'us', 120)).scans).toEqual([]);
  });

  it('requires the configured prefix and minimum length', () => {
    const options = { prefix: 'X', minLength: 8 };
    expect(run(scan('X1234', 'us', 'us'), options).scans).toEqual([]);
    expect(run(scan('X3764100000017', 'us', 'us'), options).scans).toEqual(['3764100000017']);
    const missing = run(scan('3764100000017', 'us', 'us'), options);
    expect(missing.scans).toEqual([]);
    expect(missing.problems.map((p) => p.kind)).toEqual(['prefix-mismatch']);
  });

  it('reports a scanner ending with another suffix, reads nothing and leaves the field as it was', () => {
    const keys = scan('3764100000017', 'us', 'us');
    keys[keys.length - 1] = { code: 'Tab', key: 'Tab', at: 2000 };
    keys[keys.length - 1]!.at = keys[keys.length - 2]!.at + 5;
    const { scans, problems, prevented, typed } = run(keys, {}, true);
    expect(scans).toEqual([]);
    expect(problems).toMatchObject([
      { kind: 'wrong-suffix', endedWith: 'Tab', expectedSuffix: 'Enter' },
    ]);
    expect(prevented).toBe(13);
    expect(typed()).toBe('vin');
  });

  it('reports a scanner that sends no suffix when one is configured', () => {
    vi.useFakeTimers();
    const { scans, typed, problems } = run(
      scan('3764100000017', 'us', 'us').slice(0, -1),
      {},
      true,
    );
    vi.advanceTimersByTime(500);
    expect(problems).toEqual([]); // its ending key may still be on its way
    vi.advanceTimersByTime(1_000);
    expect(scans).toEqual([]);
    expect(typed()).toBe('vin');
    expect(problems.map((p) => p.kind)).toEqual(['missing-suffix']);
  });

  it('judges an ending key delivered after the pause timer by its own timestamp', () => {
    vi.useFakeTimers();
    const keys = scan('3764100000017', 'us', 'us');
    const { scans, problems, detector, typed } = run(keys.slice(0, -1), {}, true);
    vi.advanceTimersByTime(300); // a busy page ran the timer before the key arrived
    const ending = keys[keys.length - 1]!;
    detector.handleKey({ ...keyEvent(ending), preventDefault: () => {} }, true);
    expect(scans).toEqual(['3764100000017']);
    expect(problems).toEqual([]);
    expect(typed()).toBe('vin');
  });

  it('reports keys that no known layout reads as a code, never guessing a product', () => {
    // Shift on every other digit key and digits from the OS: neither QWERTY nor AZERTY.
    const keys = scan('37641000', 'us', 'us').map((k, i) =>
      k.code.startsWith('Digit') && i % 2 ? { ...k, shift: true } : k,
    );
    const { scans, problems } = run(keys);
    expect(scans).toEqual([]);
    expect(problems).toMatchObject([{ kind: 'unknown-layout', typed: '37641000' }]);
  });

  it('reads only the configured layout when one is set', () => {
    expect(run(scan('37641000', 'fr', 'fr'), { layout: 'fr' }).scans).toEqual(['37641000']);
    const wrong = run(scan('37641000', 'fr', 'fr'), { layout: 'us' });
    expect(wrong.scans).toEqual([]);
    expect(wrong.problems.map((p) => p.kind)).toEqual(['unknown-layout']);
  });

  it('can end a scan on a pause when the scanner sends no suffix', async () => {
    const { scans } = run(scan('12345678', 'us', 'us', 2).slice(0, -1), {
      suffixCode: '',
      maxGapMs: 10,
    });
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(scans).toEqual(['12345678']);
  });
});
