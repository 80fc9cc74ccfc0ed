// zxing-js (the fallback decoder) decoding of one greyscale frame, restricted
// to the formats a store meets, so each frame costs milliseconds rather than
// trying every symbology.
import * as zxingModule from '@zxing/library';
import type { CameraFormat, DecodedCode } from './decoder';
import { modulePixelsBetweenGuards } from './read-quality';

// Bundlers load the package's ES build; Node (`npm run decode`) its CommonJS
// one, whose names Node cannot see and leaves on `default`.
const ZXing: typeof zxingModule =
  'BinaryBitmap' in zxingModule
    ? zxingModule
    : (zxingModule as unknown as { default: typeof zxingModule }).default;
const {
  BarcodeFormat: ZxingFormat,
  BinaryBitmap,
  DecodeHintType,
  HybridBinarizer,
  MultiFormatReader,
  NotFoundException,
  ChecksumException,
  FormatException,
  RGBLuminanceSource,
} = ZXing;

const FORMATS = new Map<zxingModule.BarcodeFormat, CameraFormat>([
  [ZxingFormat.EAN_13, 'ean-13'],
  [ZxingFormat.EAN_8, 'ean-8'],
  [ZxingFormat.UPC_A, 'upc-a'],
  [ZxingFormat.UPC_E, 'upc-e'],
  [ZxingFormat.CODE_128, 'code-128'],
  [ZxingFormat.QR_CODE, 'qr'],
  [ZxingFormat.DATA_MATRIX, 'data-matrix'],
]);

function makeReader(tryHarder: boolean): zxingModule.MultiFormatReader {
  const reader = new MultiFormatReader();
  const hints = new Map<zxingModule.DecodeHintType, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, [...FORMATS.keys()]],
  ]);
  if (tryHarder) hints.set(DecodeHintType.TRY_HARDER, true);
  reader.setHints(hints);
  return reader;
}

const readers = { fast: makeReader(false), hard: makeReader(true) };

/** RGBA pixels → one luminance byte per pixel (ITU-R BT.601 weights, integer maths). */
function luminanceOf(rgba: Uint8ClampedArray, width: number, height: number) {
  const out = new Uint8ClampedArray(width * height);
  for (let i = 0, p = 0; i < out.length; i++, p += 4) {
    out[i] = (rgba[p]! * 77 + rgba[p + 1]! * 150 + rgba[p + 2]! * 29) >> 8;
  }
  return out;
}

function decodeLuminance(
  luminance: Uint8ClampedArray,
  width: number,
  height: number,
  tryHarder: boolean,
): DecodedCode | undefined {
  const bitmap = new BinaryBitmap(
    new HybridBinarizer(new RGBLuminanceSource(luminance, width, height)),
  );
  const reader = tryHarder ? readers.hard : readers.fast;
  try {
    const result = reader.decodeWithState(bitmap);
    const format = FORMATS.get(result.getBarcodeFormat());
    if (!format) return undefined;
    const text = result.getText();
    const [from, to] = result.getResultPoints();
    const modulePx =
      from && to
        ? modulePixelsBetweenGuards(
            format,
            text,
            { x: from.getX(), y: from.getY() },
            { x: to.getX(), y: to.getY() },
          )
        : undefined;
    return modulePx === undefined
      ? { text, format }
      : { text, format, quality: { modulePx: Math.round(modulePx * 100) / 100 } };
  } catch (error) {
    // A frame without a readable code is the normal case, not an error.
    if (
      error instanceof NotFoundException ||
      error instanceof ChecksumException ||
      error instanceof FormatException
    )
      return undefined;
    throw error;
  }
}

/** An RGBA frame (what a canvas gives), as the fallback worker decodes it. */
export function decodeRgbaJs(
  image: { data: Uint8ClampedArray; width: number; height: number },
  tryHarder: boolean,
): DecodedCode | undefined {
  const luminance = luminanceOf(image.data, image.width, image.height);
  return decodeLuminance(luminance, image.width, image.height, tryHarder);
}
