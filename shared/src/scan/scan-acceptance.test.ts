import { describe, expect, it } from 'vitest';
import { gtinCheckDigit, makeGtin13 } from '../core';
import type { DecodedCode } from './decoder';
import { assessRead, ScanAcceptance } from './scan-acceptance';

const ean = makeGtin13('300000000001');
const other = makeGtin13('376410000001');
const card = `VTR0481739552${gtinCheckDigit('0481739552')}`;
const eanRead = (text = ean, modulePx = 3): DecodedCode => ({
  text,
  format: 'ean-13',
  quality: { modulePx },
});
const known = (gtin14: string) => [ean, other].some((code) => `0${code}` === gtin14);

/** Feeds frames 100 ms apart; returns the indexes of frames that were acted on. */
function actedAt(acceptance: ScanAcceptance, frames: (DecodedCode | undefined)[], from = 0) {
  return frames.flatMap((read, i) => (acceptance.accept(read, from + i * 100) ? [i] : []));
}

describe('ScanAcceptance', () => {
  it('opens a known EAN on two agreeing frames, a QR, Data Matrix or Code 128 on one', () => {
    expect(actedAt(new ScanAcceptance({ isKnownGtin: known }), [eanRead(), eanRead()])).toEqual([
      1,
    ]);
    const qr = { text: `https://id.gs1.org/01/0${ean}`, format: 'qr' } as const;
    expect(new ScanAcceptance({ isKnownGtin: known }).accept(qr, 0)).toMatchObject({
      kind: 'product',
      gtin: `0${ean}`,
    });
    const cardRead = { text: card, format: 'code-128' } as const;
    expect(new ScanAcceptance().accept(cardRead, 0)).toEqual({ kind: 'loyalty-card', code: card });
  });

  it('accepts a label only the thorough pass reads: frames that read nothing do not undo votes', () => {
    // zxing-js's TRY_HARDER pass ran on one frame in twelve, and a frame that
    // read nothing cleared the agreement: such a label could never open.
    const frames = Array.from({ length: 30 }, (_, i) => (i % 12 === 11 ? eanRead() : undefined));
    expect(actedAt(new ScanAcceptance({ isKnownGtin: known }), frames)).toEqual([23]);
  });

  it('counts an EAN-13 and a Data Matrix of the same GTIN as agreeing', () => {
    const matrix = {
      text: `(01)0${ean}(10)LOT`,
      format: 'data-matrix',
      quality: { errorMargin: 0.1 },
    } as const;
    // The Data Matrix alone spent its error correction: it needs a second frame, and the EAN is one.
    expect(actedAt(new ScanAcceptance({ isKnownGtin: known }), [matrix, eanRead()])).toEqual([1]);
  });

  it('asks a read that could be a misread for one more agreeing frame', () => {
    // Small modules or a GTIN the catalogue lacks: two agreeing EAN frames were
    // enough before, and two such misreads opened the wrong product.
    const small = [eanRead(ean, 1.4), eanRead(ean, 1.4), eanRead(ean, 1.4)];
    expect(actedAt(new ScanAcceptance({ isKnownGtin: known }), small)).toEqual([2]);
    const unknown = makeGtin13('376410000099');
    const frames = [eanRead(unknown), eanRead(unknown), eanRead(unknown)];
    expect(actedAt(new ScanAcceptance({ isKnownGtin: known }), frames)).toEqual([2]);
    expect(assessRead(eanRead(unknown), known)).toMatchObject({
      framesNeeded: 3,
      risks: ['unknown-gtin'],
    });
    expect(assessRead(eanRead(ean, 1.4), known)).toMatchObject({
      framesNeeded: 3,
      risks: ['small-modules'],
    });
    expect(assessRead(eanRead(), known)).toMatchObject({ framesNeeded: 2, risks: [] });
  });

  it('makes a read out-vote a different recent read, and ignores check-digit misreads', () => {
    const wrongCheck = `${ean.slice(0, 12)}${(Number(ean.at(-1)) + 1) % 10}`;
    // other, ean, ean: ean leads by one only; a third ean frame opens it.
    const frames = [eanRead(other), eanRead(wrongCheck), eanRead(), eanRead(), eanRead()];
    expect(actedAt(new ScanAcceptance({ isKnownGtin: known }), frames)).toEqual([4]);
  });

  it('reads a GS1-128 carrying AI 01 and a GTIN-14, FNC1 dropped, in one frame', () => {
    const read = { text: `010${ean}`, format: 'code-128' } as const;
    expect(new ScanAcceptance({ isKnownGtin: known }).accept(read, 0)).toMatchObject({
      kind: 'product',
      gtin: `0${ean}`,
    });
  });

  it('answers a 2D code printed with a wrong check digit instead of staying silent', () => {
    const wrong = `${ean.slice(0, 12)}${(Number(ean.at(-1)) + 1) % 10}`;
    const qr = { text: `https://id.gs1.org/01/0${wrong}`, format: 'qr' } as const;
    expect(new ScanAcceptance().accept(qr, 0)).toMatchObject({
      kind: 'rejected',
      reason: 'checksum',
    });
  });

  it('acts once per presentation: a code held in view is not read again', () => {
    const acceptance = new ScanAcceptance({ quietMs: 1_000 });
    const cardRead = { text: card, format: 'code-128' } as const;
    // Held for two seconds at 10 frames a second: one reading.
    expect(
      actedAt(
        acceptance,
        Array.from({ length: 20 }, () => cardRead),
      ),
    ).toEqual([0]);
    // Blurred for half a second, then seen again: still the same presentation.
    for (let t = 2_000; t < 2_500; t += 100)
      expect(acceptance.accept(undefined, t)).toBeUndefined();
    expect(acceptance.accept(cardRead, 2_500)).toBeUndefined();
    // Out of sight for a second, then shown again: a new scan.
    for (let t = 2_600; t < 3_600; t += 100) acceptance.accept(undefined, t);
    expect(acceptance.accept(cardRead, 3_600)).toMatchObject({ kind: 'loyalty-card' });
  });

  it('reads an EAN label again when it comes back after being out of sight', () => {
    const acceptance = new ScanAcceptance({ quietMs: 1_000, isKnownGtin: known });
    const frames = [
      ...Array.from({ length: 10 }, () => eanRead()),
      ...Array.from({ length: 15 }, () => undefined),
      ...Array.from({ length: 5 }, () => eanRead()),
    ];
    // Once for the first presentation, once (after two agreeing frames) for the second.
    expect(actedAt(acceptance, frames)).toEqual([1, 26]);
  });

  it('lets a vote lapse after the window, so old frames never open a page', () => {
    const acceptance = new ScanAcceptance({ isKnownGtin: known, windowMs: 3_000 });
    expect(acceptance.accept(eanRead(), 0)).toBeUndefined();
    expect(acceptance.accept(eanRead(), 3_500)).toBeUndefined();
    expect(acceptance.accept(eanRead(), 3_600)).toMatchObject({ gtin: `0${ean}` });
  });
});
