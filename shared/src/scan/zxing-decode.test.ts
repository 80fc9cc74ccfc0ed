// Decodes a label drawn from bwip-js's bar pattern, as the camera would see it.
import bwipjs from 'bwip-js/generic';
import { describe, expect, it } from 'vitest';
import { makeGtin13 } from '../core';
import { decodeLuminance } from './zxing-decode';

function drawEan13(digits12: string, width = 640, height = 480): Uint8ClampedArray {
  const [symbol] = bwipjs.raw({ bcid: 'ean13', text: digits12 }) as { sbs: number[] }[];
  const pixels = new Uint8ClampedArray(width * height).fill(235);
  const scale = 3;
  let x = 120;
  symbol!.sbs.forEach((modules, i) => {
    if (i % 2 === 0) {
      for (let dx = 0; dx < modules * scale; dx++)
        for (let y = 140; y < 340; y++) pixels[y * width + x + dx] = 20;
    }
    x += modules * scale;
  });
  return pixels;
}

describe('decodeLuminance', () => {
  it('reads an EAN-13 from a 640×480 frame and nothing from a blank one', () => {
    const gtin = makeGtin13('376410000001');
    expect(decodeLuminance(drawEan13(gtin.slice(0, 12)), 640, 480, false)).toEqual({
      text: gtin,
      format: 'ean-13',
    });
    expect(
      decodeLuminance(new Uint8ClampedArray(640 * 480).fill(200), 640, 480, true),
    ).toBeUndefined();
  });
});
