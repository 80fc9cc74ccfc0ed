// ZXing-C++ (zxing-wasm) in Node, its WebAssembly read from node_modules — no
// CDN fetch — to check that the corpus's clean labels carry what the manifest says.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import type { CameraFormat } from '@vitrine/shared/scan';

const FORMATS: Record<string, CameraFormat> = {
  EAN13: 'ean-13',
  EAN8: 'ean-8',
  UPCA: 'upc-a',
  UPCE: 'upc-e',
  Code128: 'code-128',
  QRCode: 'qr',
  DataMatrix: 'data-matrix',
};

let prepared = false;

/** Every code zxing-wasm finds in a PNG or JPEG file, in the kiosk's format names. */
export async function decodeImageFile(
  path: string,
): Promise<{ text: string; format: CameraFormat | undefined }[]> {
  if (!prepared) {
    const wasm = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
    prepareZXingModule({ overrides: { wasmBinary: readFileSync(wasm).buffer } });
    prepared = true;
  }
  const results = await readBarcodes(new Uint8Array(readFileSync(path)), { tryHarder: true });
  return results.filter((r) => r.isValid).map((r) => ({ text: r.text, format: FORMATS[r.format] }));
}
