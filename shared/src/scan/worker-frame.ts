// Inside a decoder worker: the transferred camera frame drawn once to an
// OffscreenCanvas and read back as RGBA, then closed; and the reply to post.
import { DecodeRequest, MAX_CODE_TEXT, type DecodeReply, type DecodedCode } from './decoder';

let canvas: OffscreenCanvas | undefined;

function pixelsOf(frame: ImageBitmap): ImageData {
  if (!canvas || canvas.width !== frame.width || canvas.height !== frame.height) {
    canvas = new OffscreenCanvas(frame.width, frame.height);
  }
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('no 2d context in the decoder worker');
  context.drawImage(frame, 0, 0);
  frame.close();
  return context.getImageData(0, 0, canvas.width, canvas.height);
}

/** Thrown when a decoder cannot run here at all (WebAssembly refused): the page falls back. */
export class DecoderUnavailable extends Error {}

/** Answers each valid request with `decode`'s read, timed from the frame's arrival. */
export function serveDecodeRequests(
  decode: (image: ImageData, tryHarder: boolean) => Promise<DecodedCode | undefined>,
): void {
  self.addEventListener('message', (event: MessageEvent<unknown>) => {
    const request = DecodeRequest.safeParse(event.data);
    if (!request.success) return;
    const { id, frame, tryHarder } = request.data;
    const started = performance.now();
    const reply = (fields: Omit<DecodeReply, 'id' | 'decodeMs'>) =>
      self.postMessage({ id, decodeMs: performance.now() - started, ...fields });
    let image: ImageData;
    try {
      image = pixelsOf(frame);
    } catch (error) {
      reply({ error: String(error) });
      return;
    }
    // Drawing the frame and reading its pixels back, apart from decoding them.
    const pixelsMs = performance.now() - started;
    decode(image, tryHarder).then(
      // A code longer than any of ours (a QR code packed with text) is read as nothing.
      (read) =>
        reply(read && read.text.length <= MAX_CODE_TEXT ? { read, pixelsMs } : { pixelsMs }),
      (error: unknown) =>
        reply({ error: String(error), unavailable: error instanceof DecoderUnavailable }),
    );
  });
}
