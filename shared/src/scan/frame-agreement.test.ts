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
});
