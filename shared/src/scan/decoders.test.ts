// Both camera decoders, as the workers run them, on clean printed labels of
// every symbology a store meets; and what only the default one reads.
import { describe, expect, it } from 'vitest';
import { gtinCheckDigit, makeGtin13 } from '../core';
import type { DecodedCode, DecoderKind } from './decoder';
import { loadZxingWasmInNode } from './node/load-wasm';
import { readScan } from './scan-code';
import { codeFrameRgba, type PrintedCode } from './testing/printed-code';
import { decodeRgbaJs } from './zxing-js-decode';
import { decodeRgbaWasm } from './zxing-wasm-decode';

type Image = ReturnType<typeof codeFrameRgba>;
const decoders: Record<
  DecoderKind,
  (image: Image, tryHarder: boolean) => Promise<DecodedCode | undefined>
> = {
  'zxing-wasm': async (image, tryHarder) => {
    await loadZxingWasmInNode();
    return decodeRgbaWasm(image, tryHarder);
  },
  'zxing-js': (image, tryHarder) => Promise.resolve(decodeRgbaJs(image, tryHarder)),
};

const ean13 = makeGtin13('376410000001');
const gtin14 = `0${ean13}`;
const card = `VTR0481739552${gtinCheckDigit('0481739552')}`;
const labels: { name: string; code: PrintedCode; format: DecodedCode['format']; means: string }[] =
  [
    {
      name: 'EAN-13',
      code: { bcid: 'ean13', text: ean13.slice(0, 12) },
      format: 'ean-13',
      means: gtin14,
    },
    {
      name: 'EAN-8',
      code: { bcid: 'ean8', text: '9638507' },
      format: 'ean-8',
      means: '00000096385074',
    },
    {
      name: 'UPC-A',
      code: { bcid: 'upca', text: '04210000526' },
      format: 'upc-a',
      means: '00042100005264',
    },
    {
      name: 'UPC-E',
      code: { bcid: 'upce', text: '0425261' },
      format: 'upc-e',
      means: '00042100005264',
    },
    {
      name: 'GS1-128',
      code: { bcid: 'gs1-128', text: `(01)${gtin14}(17)271231(10)LOT7` },
      format: 'code-128',
      means: gtin14,
    },
    {
      name: 'loyalty card (Code 128)',
      code: { bcid: 'code128', text: card },
      format: 'code-128',
      means: card,
    },
    {
      name: 'Digital Link QR',
      code: { bcid: 'qrcode', text: `https://id.gs1.org/01/${gtin14}?linkType=gs1:pip` },
      format: 'qr',
      means: gtin14,
    },
    {
      name: 'GS1 Data Matrix',
      code: { bcid: 'gs1datamatrix', text: `(01)${gtin14}(10)LOT42` },
      format: 'data-matrix',
      means: gtin14,
    },
  ];

const meaning = (read: DecodedCode | undefined) => {
  if (!read) return undefined;
  const reading = readScan(read.text, read.format);
  return reading.kind === 'product'
    ? reading.gtin
    : reading.kind === 'loyalty-card'
      ? reading.code
      : reading.raw;
};

describe.each(Object.keys(decoders) as DecoderKind[])('the %s decoder', (kind) => {
  // zxing-js reads no UPC-E at all, even clean (one reason it is only the fallback).
  const readable =
    kind === 'zxing-js' ? labels.filter((label) => label.format !== 'upc-e') : labels;
  it.each(readable)(
    'reads a clean $name label to what it means',
    async ({ code, format, means }) => {
      // The fast pass, then the thorough one, as successive camera frames would.
      const image = codeFrameRgba(code);
      const read = (await decoders[kind](image, false)) ?? (await decoders[kind](image, true));
      // ZXing-C++ names a UPC-A by its EAN-13 form (a leading 0): the same GTIN.
      expect(format === 'upc-a' ? ['upc-a', 'ean-13'] : [format]).toContain(read?.format);
      expect(meaning(read)).toBe(means);
    },
  );

  it('reads nothing from a blank frame, on either pass', async () => {
    const blank = { data: new Uint8ClampedArray(640 * 480 * 4).fill(200), width: 640, height: 480 };
    expect(await decoders[kind](blank, false)).toBeUndefined();
    expect(await decoders[kind](blank, true)).toBeUndefined();
  });
});

describe('zxing-wasm, the default decoder', () => {
  // Versions, error-correction levels and masks a printer may pick: zxing-js
  // never reads some of these clean codes; the default must read them all.
  const variants = Array.from({ length: 18 }, (_, i) => ({
    eclevel: 'LMQH'[i % 4]!,
    mask: String((i % 8) + 1),
    version: String([5, 6, 7, 8, 10, 12][i % 6]),
  }));

  it('reads all 18 clean QR code variants', async () => {
    const text = `https://id.gs1.org/01/${gtin14}`;
    const missed: string[] = [];
    for (const options of variants) {
      const read = await decoders['zxing-wasm'](
        codeFrameRgba({ bcid: 'qrcode', text, options }),
        false,
      );
      if (read?.text !== text) missed.push(JSON.stringify(options));
    }
    expect(missed).toEqual([]);
  });

  it('says how sure it is: pixels per module, error correction left', async () => {
    const ean = await decoders['zxing-wasm'](codeFrameRgba(labels[0]!.code), true);
    expect(ean?.quality?.modulePx).toBeCloseTo(3, 0);
    const small = await decoders['zxing-wasm'](
      codeFrameRgba({ ...labels[0]!.code, scale: 1 }),
      true,
    );
    expect(small?.quality?.modulePx).toBeLessThan(1.5);
    const matrix = await decoders['zxing-wasm'](codeFrameRgba(labels[7]!.code), false);
    expect(matrix?.quality?.errorMargin).toBe(1);
    expect(matrix?.quality?.modulePx).toBeGreaterThan(5);
  });
});
