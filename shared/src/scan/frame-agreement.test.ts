import { describe, expect, it } from 'vitest';
import { FrameAgreement } from './frame-agreement';

describe('FrameAgreement', () => {
  it('acts on an EAN only when two consecutive frames agree', () => {
    const agreement = new FrameAgreement();
    expect(agreement.accept({ text: '1', format: 'ean-13' })).toBeUndefined();
    expect(agreement.accept({ text: '2', format: 'ean-13' })).toBeUndefined();
    expect(agreement.accept(undefined)).toBeUndefined();
    expect(agreement.accept({ text: '2', format: 'ean-13' })).toBeUndefined();
    expect(agreement.accept({ text: '2', format: 'ean-13' })).toBe('2');
  });

  it('passes QR, DataMatrix and Code 128 reads at once', () => {
    const agreement = new FrameAgreement();
    expect(agreement.accept({ text: 'https://id.gs1.org/01/1', format: 'qr' })).toBe(
      'https://id.gs1.org/01/1',
    );
    expect(agreement.accept({ text: 'VTR1', format: 'code-128' })).toBe('VTR1');
  });

  it('acts once per presentation: a code held in view is not read again', () => {
    const agreement = new FrameAgreement(1_000);
    const card = { text: 'VTR-0001-2345', format: 'code-128' } as const;
    // Held for two seconds at 10 frames a second: one reading.
    const acted = Array.from({ length: 20 }, (_, i) => agreement.accept(card, i * 100));
    expect(acted.filter(Boolean)).toEqual(['VTR-0001-2345']);
    // Blurred for half a second, then seen again: still the same presentation.
    for (let t = 2_000; t < 2_500; t += 100) expect(agreement.accept(undefined, t)).toBeUndefined();
    expect(agreement.accept(card, 2_500)).toBeUndefined();
    // Out of sight for a second, then shown again: a new scan.
    for (let t = 2_600; t < 3_600; t += 100) agreement.accept(undefined, t);
    expect(agreement.accept(card, 3_600)).toBe('VTR-0001-2345');
  });

  it('acts at once on another code, and keeps EAN agreement while holding', () => {
    const agreement = new FrameAgreement(1_000);
    const ean = { text: '3000000000017', format: 'ean-13' } as const;
    expect(agreement.accept(ean, 0)).toBeUndefined();
    expect(agreement.accept(ean, 100)).toBe('3000000000017');
    for (let t = 200; t < 1_000; t += 100) expect(agreement.accept(ean, t)).toBeUndefined();
    expect(agreement.accept({ text: 'https://id.gs1.org/01/1', format: 'qr' }, 1_000)).toBe(
      'https://id.gs1.org/01/1',
    );
    // Back to the first label right away: it is a new presentation after another code.
    expect(agreement.accept(ean, 1_100)).toBeUndefined();
    expect(agreement.accept(ean, 1_200)).toBe('3000000000017');
  });

  it('reads an EAN label again when it comes back after being out of sight', () => {
    const agreement = new FrameAgreement(1_000);
    const ean = { text: '3000000000017', format: 'ean-13' } as const;
    const acted: (string | undefined)[] = [];
    for (let t = 0; t < 1_000; t += 100) acted.push(agreement.accept(ean, t));
    for (let t = 1_000; t < 2_500; t += 100) acted.push(agreement.accept(undefined, t));
    for (let t = 2_500; t < 3_000; t += 100) acted.push(agreement.accept(ean, t));
    // Once for the first presentation, once (after two agreeing frames) for the second.
    expect(acted.flatMap((text, i) => (text ? [i] : []))).toEqual([1, 26]);
  });
});
