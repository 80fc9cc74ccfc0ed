// Runs in a Web Worker: draws the transferred camera frame, reads its pixels
// and decodes them, so neither the canvas work nor zxing touches the UI thread.
import { DecodeRequest, type DecodeReply } from './decoder';
import { decodeLuminance, luminanceOf } from './zxing-decode';

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

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  const request = DecodeRequest.safeParse(event.data);
  if (!request.success) return;
  const { id, frame, tryHarder } = request.data;
  const started = performance.now();
  let reply: DecodeReply;
  try {
    const image = pixelsOf(frame);
    const read = decodeLuminance(
      luminanceOf(image.data, image.width, image.height),
      image.width,
      image.height,
      tryHarder,
    );
    reply = { id, read, decodeMs: performance.now() - started };
  } catch (error) {
    reply = { id, decodeMs: performance.now() - started, error: String(error) };
  }
  self.postMessage(reply);
});
