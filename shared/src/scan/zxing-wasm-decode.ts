// ZXing-C++ (zxing-wasm) decoding of one RGBA frame, with the reader options
// every camera and `npm run decode` share. The WebAssembly module comes from
// the app's own files: the caller says where (a URL in a worker, the bytes in
// Node), so nothing is ever fetched from a CDN.
import {
  prepareZXingModule,
  readBarcodes,
  type ReadResult,
  type ReaderOptions,
} from 'zxing-wasm/reader';
import type { CameraFormat, DecodedCode } from './decoder';
import { modulePixels } from './read-quality';

const FORMATS = new Map<string, CameraFormat>([
  ['EAN13', 'ean-13'],
  ['EAN8', 'ean-8'],
  ['UPCA', 'upc-a'],
  ['UPCE', 'upc-e'],
  ['Code128', 'code-128'],
  ['QRCode', 'qr'],
  ['DataMatrix', 'data-matrix'],
]);

/** The kiosk's settings; `tryHarder` follows the camera loop's schedule. */
function readerOptions(tryHarder: boolean): ReaderOptions {
  return {
    formats: ['EAN13', 'EAN8', 'UPCA', 'UPCE', 'Code128', 'QRCode', 'DataMatrix'],
    tryHarder,
    tryRotate: true,
    tryInvert: true,
    tryDownscale: true,
    // The first code found: looking for more costs 2–5 times as long per frame
    // (measured at 640×480), and a shopper holds up one label at a time.
    maxNumberOfSymbols: 1,
  };
}

export type WasmSource = { wasmUrl: string } | { wasmBinary: ArrayBuffer };

/** Points zxing-wasm at our own copy of its module (call once, before decoding). */
export async function loadZxingWasm(source: WasmSource): Promise<void> {
  const overrides =
    'wasmUrl' in source
      ? { locateFile: (path: string) => (path.endsWith('.wasm') ? source.wasmUrl : path) }
      : { wasmBinary: source.wasmBinary };
  await prepareZXingModule({ overrides, fireImmediately: true });
}

function toDecoded(result: ReadResult): DecodedCode | undefined {
  const format = FORMATS.get(result.format);
  if (!format || !result.isValid) return undefined;
  const extra = parseExtra(result.extra);
  const modulePx = modulePixels(
    format,
    result.text,
    result.position,
    typeof extra.Version === 'string' ? extra.Version : '',
  );
  const uec = Number(extra.UEC);
  return {
    text: result.text,
    format,
    quality: {
      ...(modulePx !== undefined && { modulePx: Math.round(modulePx * 100) / 100 }),
      ...(Number.isFinite(uec) && uec >= 0 && uec <= 1 && { errorMargin: uec }),
    },
  };
}

function parseExtra(extra: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(extra || '{}');
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The code in an RGBA frame, or undefined when none reads. */
export async function decodeRgbaWasm(
  image: { data: Uint8ClampedArray; width: number; height: number },
  tryHarder: boolean,
): Promise<DecodedCode | undefined> {
  const results = await readBarcodes(image as ImageData, readerOptions(tryHarder));
  const first = results.find((result) => FORMATS.has(result.format));
  return first ? toDecoded(first) : undefined;
}
