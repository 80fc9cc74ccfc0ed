// The fallback decoder's worker: zxing-js, for where WebAssembly is not allowed.
import { decodeRgbaJs } from './zxing-js-decode';
import { serveDecodeRequests } from './worker-frame';

serveDecodeRequests((image, tryHarder) => Promise.resolve(decodeRgbaJs(image, tryHarder)));
