// The one small interface camera scanning depends on, so the decoder can be
// swapped (zxing-js today; zxing-wasm measured beside it in shared/DESIGN.md)
// without touching the camera loop or the screens.
import { z } from 'zod';
import type { BarcodeFormat } from './scan-code';

export type CameraFormat = Exclude<BarcodeFormat, 'keyboard'>;
export type DecodedCode = { text: string; format: CameraFormat };
export type DecodeOutcome = { read: DecodedCode | undefined; decodeMs: number };

export interface BarcodeDecoder {
  /** Decodes one frame; the bitmap is transferred (closed) by the call. */
  decode(frame: ImageBitmap, options: { tryHarder: boolean }): Promise<DecodeOutcome>;
  dispose(): void;
}

export const DecodeRequest = z.object({
  id: z.number().int(),
  frame: z.custom<ImageBitmap>((value) => typeof value === 'object' && value !== null),
  tryHarder: z.boolean(),
});
export type DecodeRequest = z.infer<typeof DecodeRequest>;

const Format = z.enum(['ean-13', 'ean-8', 'upc-a', 'upc-e', 'code-128', 'qr', 'data-matrix']);
export const DecodeReply = z.object({
  id: z.number().int(),
  read: z.object({ text: z.string().max(2048), format: Format }).optional(),
  decodeMs: z.number(),
  error: z.string().optional(),
});
export type DecodeReply = z.infer<typeof DecodeReply>;
