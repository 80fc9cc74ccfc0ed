// The fallback decoder's worker: zxing-js, for where WebAssembly is not allowed.
import { decodeLuminance, luminanceOf } from './zxing-js-decode';
import { serveDecodeRequests } from './worker-frame';

serveDecodeRequests((image, tryHarder) =>
  Promise.resolve(
    decodeLuminance(
      luminanceOf(image.data, image.width, image.height),
      image.width,
      image.height,
      tryHarder,
    ),
  ),
);
