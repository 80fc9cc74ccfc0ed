import { describe, expect, it } from 'vitest';
import { makeGtin13 } from '../core';
import { cameraScanText, readScan } from './scan-code';

const ean = makeGtin13('376410000001');

describe('readScan', () => {
  it('normalises EAN-13, GTIN-14 and UPC-E to a 14-digit GTIN', () => {
    expect(readScan(ean)).toEqual({ kind: 'product', gtin: `0${ean}`, raw: ean });
    expect(readScan(` 0${ean} `, 'keyboard')).toMatchObject({ gtin: `0${ean}` });
    // UPC-E 04252614 expands to UPC-A 042100005264.
    expect(readScan('04252614', 'upc-e')).toMatchObject({
      kind: 'product',
      gtin: '00042100005264',
    });
  });

  it('reads the GTIN of a GS1 Digital Link QR code and of a GS1 element string', () => {
    expect(readScan(`https://id.gs1.org/01/0${ean}/10/LOT42?17=261231`, 'qr')).toMatchObject({
      kind: 'product',
      gtin: `0${ean}`,
    });
    expect(readScan(`https://shop.example/p/01/${ean}`, 'qr')).toMatchObject({ gtin: `0${ean}` });
    expect(readScan(`]d2010${ean}10LOT`, 'data-matrix')).toMatchObject({ gtin: `0${ean}` });
    expect(readScan(`\u001d010${ean}17261231`, 'code-128')).toMatchObject({ gtin: `0${ean}` });
  });

  it('rejects a wrong check digit, partial reads, text and in-store codes with a reason', () => {
    const wrong = `${ean.slice(0, 12)}${(Number(ean.at(-1)) + 1) % 10}`;
    expect(readScan(wrong)).toMatchObject({ kind: 'rejected', reason: 'checksum' });
    expect(readScan(ean.slice(0, 7))).toMatchObject({ kind: 'rejected', reason: 'unrecognised' });
    expect(readScan('https://example.com/hello', 'qr')).toMatchObject({ reason: 'unrecognised' });
    expect(readScan('')).toMatchObject({ reason: 'unrecognised' });
    expect(readScan('x'.repeat(10_000)).kind).toBe('rejected');
    // Weighed-item label (prefix 2x): only meaningful in the shop that printed it.
    expect(readScan(makeGtin13('212345001250'))).toMatchObject({ reason: 'in-store-code' });
  });

  it('recognises a loyalty card, never as a product', () => {
    expect(readScan('VTR04817395526')).toEqual({ kind: 'loyalty-card', code: 'VTR04817395526' });
    expect(readScan('VTR04817395527').kind).toBe('rejected');
  });

  it('reads a GS1-128 whose FNC1 the decoder dropped: AI 01 and a GTIN-14, alone or followed', () => {
    // zxing-js gives "01" + GTIN-14 as 16 plain digits: these were dropped as
    // "checksum" failures before, though the GTIN's own check digit is right.
    expect(readScan(`010${ean}`, 'code-128')).toMatchObject({ kind: 'product', gtin: `0${ean}` });
    expect(readScan(`(01)0${ean}`, 'code-128')).toMatchObject({ gtin: `0${ean}` });
    expect(readScan(`010${ean}17261231`, 'code-128')).toMatchObject({ gtin: `0${ean}` });
    const wrong = `${ean.slice(0, 12)}${(Number(ean.at(-1)) + 1) % 10}`;
    expect(readScan(`010${wrong}`, 'code-128')).toMatchObject({ reason: 'checksum' });
    expect(readScan(`(01)0${wrong}(10)LOT`, 'data-matrix')).toMatchObject({ reason: 'checksum' });
    expect(readScan(`https://id.gs1.org/01/0${wrong}`, 'qr')).toMatchObject({ reason: 'checksum' });
  });

  it('answers every reading the camera accepted, a label printed wrong included', () => {
    const gtin = makeGtin13('300000000001');
    expect(cameraScanText(readScan(gtin, 'ean-13'))).toBe(`0${gtin}`);
    expect(cameraScanText(readScan('VTR04817395526', 'code-128'))).toBe('VTR04817395526');
    expect(cameraScanText(readScan('https://example.com/promo', 'qr'))).toBe(
      'https://example.com/promo',
    );
    const misprinted = `https://id.gs1.org/01/0${gtin.slice(0, 12)}${(Number(gtin.at(-1)) + 1) % 10}`;
    expect(cameraScanText(readScan(misprinted, 'qr'))).toBe(misprinted);
  });
});
