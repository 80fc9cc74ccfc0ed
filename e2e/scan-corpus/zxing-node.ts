// ZXing-C++ (zxing-wasm) in Node, its module loaded as the decoder tests load
// it (no CDN fetch), to check that the corpus's clean labels carry what the
// manifest says — a check of the labels, independent of the kiosk's settings.
import { readFileSync } from 'node:fs';
import { readBarcodes } from 'zxing-wasm/reader';
import type { CameraFormat } from '@vitrine/shared/scan';
import { loadZxingWasmInNode } from '../../shared/src/scan/node/load-wasm';

const FORMATS: Record<string, CameraFormat> = {
  EAN13: 'ean-13',
  EAN8: 'ean-8',
  UPCA: 'upc-a',
  UPCE: 'upc-e',
  Code128: 'code-128',
  QRCode: 'qr',
  DataMatrix: 'data-matrix',
};

/** Every code zxing-wasm finds in a PNG or JPEG file, in the kiosk's format names. */
export async function decodeImageFile(
  path: string,
): Promise<{ text: string; format: CameraFormat | undefined }[]> {
  await loadZxingWasmInNode();
  const results = await readBarcodes(new Uint8Array(readFileSync(path)), { tryHarder: true });
  return results.filter((r) => r.isValid).map((r) => ({ text: r.text, format: FORMATS[r.format] }));
}
