// The default decoder's worker: ZXing-C++ as WebAssembly, its module loaded
// from the app's own built files (the `?url` import makes it one of them), so
// scanning works offline and nothing is fetched from a CDN.
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { decodeRgbaWasm, loadZxingWasm } from './zxing-wasm-decode';
import { DecoderUnavailable, serveDecodeRequests } from './worker-frame';

const ready = loadZxingWasm({ wasmUrl: new URL(wasmUrl, self.location.href).href }).catch(
  (error: unknown) => {
    throw new DecoderUnavailable(String(error));
  },
);

serveDecodeRequests(async (image, tryHarder) => {
  await ready;
  return decodeRgbaWasm(image, tryHarder);
});
