// In Node (tests, `npm run decode`, benches): zxing-wasm's module read from
// the installed package, as the apps load it from their own built files.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { loadZxingWasm } from '../zxing-wasm-decode';

let loading: Promise<void> | undefined;

export function loadZxingWasmInNode(): Promise<void> {
  loading ??= (async () => {
    const path = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
    const bytes = await readFile(path);
    const wasmBinary = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    await loadZxingWasm({ wasmBinary: wasmBinary });
  })();
  return loading;
}
