// The one small interface camera scanning depends on, so the decoder can be
// swapped without touching the camera loop or the screens: zxing-wasm
// (ZXing-C++) by default, zxing-js where WebAssembly is not allowed. Both run
// in a Web Worker and speak the protocol below.
import { z } from 'zod';
import type { BarcodeFormat } from './scan-code';

export type CameraFormat = Exclude<BarcodeFormat, 'keyboard'>;

/**
 * What the decoder says about how sure a read is, where it can tell:
 * - `modulePx`: the code's narrowest bar or cell in pixels (too few and a
 *   blurred bar can flip to its neighbour);
 * - `errorMargin`: the share of a 2D code's error correction left unused
 *   (0: every spare codeword went to repairs).
 */
export const ReadQuality = z.object({
  modulePx: z.number().nonnegative().optional(),
  errorMargin: z.number().min(0).max(1).optional(),
});
export type ReadQuality = z.infer<typeof ReadQuality>;

/** Longer codes are not ours (a product, a card, a link): read as nothing. */
export const MAX_CODE_TEXT = 2048;

const Format = z.enum(['ean-13', 'ean-8', 'upc-a', 'upc-e', 'code-128', 'qr', 'data-matrix']);
export const DecodedCode = z.object({
  text: z.string().max(MAX_CODE_TEXT),
  format: Format,
  quality: ReadQuality.optional(),
});
export type DecodedCode = z.infer<typeof DecodedCode>;
export type DecodeOutcome = { read: DecodedCode | undefined; decodeMs: number };

/** Which decoder a camera uses: a per-device setting (`?decoder=` on the page). */
export const DecoderKind = z.enum(['zxing-wasm', 'zxing-js']);
export type DecoderKind = z.infer<typeof DecoderKind>;

export interface BarcodeDecoder {
  /** Decodes one frame; the bitmap is transferred (closed) by the call. */
  decode(frame: ImageBitmap, options: { tryHarder: boolean }): Promise<DecodeOutcome>;
  /** The decoder actually in use (the fallback once the preferred one could not start). */
  readonly kind: DecoderKind;
  dispose(): void;
}

export const DecodeRequest = z.object({
  id: z.number().int(),
  frame: z.custom<ImageBitmap>((value) => typeof value === 'object' && value !== null),
  tryHarder: z.boolean(),
});
export type DecodeRequest = z.infer<typeof DecodeRequest>;

export const DecodeReply = z.object({
  id: z.number().int(),
  read: DecodedCode.optional(),
  /** From the frame's arrival to the reply, pixels read back included. */
  decodeMs: z.number(),
  /** Of which drawing the frame and reading its pixels back. */
  pixelsMs: z.number().optional(),
  error: z.string().optional(),
  /** The decoder cannot run here at all (WebAssembly refused): use the fallback. */
  unavailable: z.boolean().optional(),
});
export type DecodeReply = z.infer<typeof DecodeReply>;
